import { withQuerySpans } from "@appbase/telemetry";
import pg from "pg";
import { type EnvSource, processEnv, readDbEnv } from "../env.ts";
import { lakebaseUrl } from "../local/lakebase-status.ts";
import { resolveStateDir } from "../local/state-dir.ts";
import { createLakebasePool } from "./lakebase-pool.ts";
import { describeTarget, postgresConfig } from "./postgres-config.ts";

/** The pg client every pool uses: each query is a `pg <OPERATION>` span of the active trace. */
const TracedPgClient = withQuerySpans(pg.Client);

export type DbMode = "local" | "postgres" | "lakebase";

export interface DbPool {
  pool: pg.Pool;
  mode: DbMode;
  /** Where the pool connects, for logs and status pages; never contains a secret. */
  describe(): string;
  close(): Promise<void>;
}

export interface CreatePoolOptions {
  /** Variables to read instead of process.env (tests, CLIs that build an environment). */
  env?: EnvSource;
  max?: number;
  /** Shown in pg_stat_activity; defaults to PGAPPNAME or "appbase". */
  applicationName?: string;
}

/** The mode `createPool` picks for an environment: Lakebase, then any Postgres, then local. */
export function selectDbMode(env: EnvSource = processEnv()): DbMode {
  const parsed = readDbEnv(env);
  if (parsed.LAKEBASE_ENDPOINT) return "lakebase";
  if (parsed.DATABASE_URL || parsed.PGHOST) return "postgres";
  return "local";
}

/**
 * Creates the app's connection pool. One code path for three environments: Databricks Apps
 * (`LAKEBASE_ENDPOINT`: OAuth-token passwords), any Postgres (`DATABASE_URL` or `PGHOST`), and
 * otherwise the local Lakebase started by `pnpm appbase lakebase start`.
 */
export async function createPool(options: CreatePoolOptions = {}): Promise<DbPool> {
  const source = options.env ?? processEnv();
  const env = readDbEnv(source);
  const max = options.max ?? 10;
  const applicationName = options.applicationName ?? env.PGAPPNAME ?? "appbase";
  const mode = selectDbMode(source);
  let pool: pg.Pool;
  let description: string;
  if (mode === "lakebase") {
    const created = await createLakebasePool(env, { max, applicationName });
    pool = created.pool;
    const { user, host, port, database, endpoint } = created.target;
    description = `lakebase ${user}@${host}:${port}/${database} (endpoint ${endpoint}, OAuth token password)`;
  } else if (mode === "postgres") {
    const config = postgresConfig(env);
    pool = new pg.Pool({ ...config, max, application_name: applicationName, Client: TracedPgClient });
    description = `postgres ${describeTarget(config)} (from ${env.DATABASE_URL ? "DATABASE_URL" : "PG* variables"})`;
  } else {
    const stateDir = resolveStateDir(source);
    const connectionString = await lakebaseUrl({ stateDir });
    pool = new pg.Pool({ connectionString, max, application_name: applicationName, Client: TracedPgClient });
    description = `local Lakebase ${describeTarget({ connectionString })} (state ${stateDir})`;
  }
  // An idle client that loses its server emits 'error' on the pool; unhandled, that would end
  // the process. The next checkout reconnects, so logging is enough.
  pool.on("error", (error) =>
    console.error(`[@appbase/db] idle connection error (${description}): ${error.message}`),
  );
  let closing: Promise<void> | undefined;
  return {
    pool,
    mode,
    describe: () => description,
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}
