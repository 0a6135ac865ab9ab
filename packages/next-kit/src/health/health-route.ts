/** What `GET /api/health` reports. */
export interface HealthReport {
  /** True when the kit can serve requests (its database answers and its schema is provisioned). */
  ok: boolean;
  status: "ok" | "degraded";
  kit: string;
  version: string;
  mode: string;
  database: { reachable: boolean; latencyMs?: number; error?: string };
  /** The kit's own schema: ready once its migrations are applied; `error` says why not (e.g. the failed migration). */
  schema: { ready: boolean; error?: string };
}

export interface HealthOptions {
  kit: string;
  version: string;
  /** Describes the runtime/database mode, e.g. "local Lakebase" or "Databricks Apps". */
  mode: () => string | Promise<string>;
  /** Resolves when the database answers (e.g. `select 1`). */
  pingDatabase: () => Promise<void>;
  /** Resolves when the kit's schema is provisioned; rejects with the reason it is not. Default: always ready. */
  schemaReady?: () => Promise<void>;
  timeoutMs?: number;
}

/** Builds the `GET /api/health` handler: 200 when the database answers and the schema is ready, 503 with the reason otherwise. */
export function createHealthRoute(options: HealthOptions) {
  return async function GET(): Promise<Response> {
    const started = performance.now();
    let database: HealthReport["database"];
    try {
      await withTimeout(options.pingDatabase(), options.timeoutMs ?? 5_000);
      database = { reachable: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    } catch (error) {
      database = { reachable: false, error: error instanceof Error ? error.message : String(error) };
    }
    let schema: HealthReport["schema"] = { ready: true };
    if (options.schemaReady) {
      // Provisioning may wait for another instance's migrations: not ready until they are done.
      schema = await withTimeout(
        options.schemaReady(),
        options.timeoutMs ?? 5_000,
        "the schema is still being migrated",
      )
        .then(() => ({ ready: true }))
        .catch((error: unknown) => ({
          ready: false,
          error: error instanceof Error ? error.message : String(error),
        }));
    }
    const ok = database.reachable && schema.ready;
    const report: HealthReport = {
      ok,
      status: ok ? "ok" : "degraded",
      kit: options.kit,
      version: options.version,
      mode: await Promise.resolve()
        .then(options.mode)
        .catch(() => "unknown (the database could not be reached)"),
      database,
      schema,
    };
    return Response.json(report, {
      status: ok ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  };
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what = `the database did not answer within ${ms} ms`,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(what)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
