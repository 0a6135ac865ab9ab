import { withQuerySpans } from "@appbase/telemetry";
import type pg from "pg";
import type { DbEnv } from "../env.ts";
import { LakebaseCredentialError } from "./credential-error.ts";

export interface LakebaseTarget {
  endpoint: string;
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: "require" | "disable" | "prefer";
}

const SSL_MODES = ["require", "disable", "prefer"] as const;

/** Checks the variables Lakebase mode needs and names every one that is missing. */
export function lakebaseTarget(
  env: DbEnv,
): LakebaseTarget & { workspace: { host: string; clientId: string; clientSecret: string } } {
  const missing = (
    [
      ["PGHOST", env.PGHOST],
      ["PGDATABASE", env.PGDATABASE],
      ["DATABRICKS_HOST", env.DATABRICKS_HOST],
      ["DATABRICKS_CLIENT_ID", env.DATABRICKS_CLIENT_ID],
      ["DATABRICKS_CLIENT_SECRET", env.DATABRICKS_CLIENT_SECRET],
    ] as const
  )
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(
      `LAKEBASE_ENDPOINT is set, so Lakebase mode needs ${missing.join(", ")} as well. On Databricks Apps ` +
        "the platform injects them when the app has a `postgres` resource; locally, unset LAKEBASE_ENDPOINT to use the local Lakebase.",
    );
  }
  const sslMode = env.PGSSLMODE ?? "require";
  if (!(SSL_MODES as readonly string[]).includes(sslMode)) {
    throw new Error(
      `PGSSLMODE=${sslMode} is not supported in Lakebase mode: use one of ${SSL_MODES.join(", ")}.`,
    );
  }
  return {
    endpoint: env.LAKEBASE_ENDPOINT!,
    host: env.PGHOST!,
    port: env.PGPORT ?? 5432,
    database: env.PGDATABASE!,
    // The app's Postgres role is its service principal's client id (PGUSER is injected as that).
    user: env.PGUSER ?? env.DATABRICKS_CLIENT_ID!,
    sslMode: sslMode as LakebaseTarget["sslMode"],
    workspace: {
      host: env.DATABRICKS_HOST!,
      clientId: env.DATABRICKS_CLIENT_ID!,
      clientSecret: env.DATABRICKS_CLIENT_SECRET!,
    },
  };
}

/**
 * A pg.Pool whose password is a Lakebase OAuth token from `@databricks/lakebase` (cached until
 * 2 minutes before expiry, concurrent refreshes shared). Both Databricks packages are imported
 * here only: their SDK declares Node 22, and local and plain-Postgres modes must not load it.
 */
export async function createLakebasePool(
  env: DbEnv,
  options: { max: number; applicationName: string },
): Promise<{ pool: pg.Pool; target: LakebaseTarget }> {
  const { workspace, ...target } = lakebaseTarget(env);
  const [{ getLakebasePgConfig }, { WorkspaceClient }, { default: pgModule }] = await Promise.all([
    import("@databricks/lakebase"),
    import("@databricks/sdk-experimental"),
    import("pg"),
  ]);
  // An explicit client, so the credentials come from `env` (not whatever process.env or
  // ~/.databrickscfg holds) and M2M is the only auth method tried.
  const workspaceClient = new WorkspaceClient({
    host: workspace.host,
    clientId: workspace.clientId,
    clientSecret: workspace.clientSecret,
    authType: "oauth-m2m",
  });
  const config = getLakebasePgConfig({ ...target, workspaceClient, max: options.max });
  const fetchToken = config.password;
  if (typeof fetchToken !== "function") {
    throw new Error("@databricks/lakebase returned no token callback; check LAKEBASE_ENDPOINT.");
  }
  const pool = new pgModule.Pool({
    ...config,
    Client: withQuerySpans(pgModule.Client),
    application_name: options.applicationName,
    password: async () => {
      try {
        return await fetchToken();
      } catch (error) {
        throw new LakebaseCredentialError(target.endpoint, error);
      }
    },
  });
  return { pool, target };
}
