/** What `GET /api/health` reports. */
export interface HealthReport {
  /** True when the kit can serve requests (its database answers). */
  ok: boolean;
  status: "ok" | "degraded";
  kit: string;
  version: string;
  mode: string;
  database: { reachable: boolean; latencyMs?: number; error?: string };
}

export interface HealthOptions {
  kit: string;
  version: string;
  /** Describes the runtime/database mode, e.g. "local Lakebase" or "Databricks Apps". */
  mode: () => string | Promise<string>;
  /** Resolves when the database answers (e.g. `select 1`). */
  pingDatabase: () => Promise<void>;
  timeoutMs?: number;
}

/** Builds the `GET /api/health` handler: 200 when the database answers, 503 with the reason otherwise. */
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
    const report: HealthReport = {
      ok: database.reachable,
      status: database.reachable ? "ok" : "degraded",
      kit: options.kit,
      version: options.version,
      mode: await Promise.resolve()
        .then(options.mode)
        .catch(() => "unknown (the database could not be reached)"),
      database,
    };
    return Response.json(report, {
      status: database.reachable ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
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
