/**
 * The single list of variables app code may read although app.yaml does not bind them and Databricks
 * Apps does not inject them. Each entry says why it is safe: the variable only configures local
 * development, CI or tooling, and the code that reads it works without it on Databricks Apps.
 * Add a variable here only with such a reason; the portability gate fails on any other unbound read.
 */
export const localOnlyVariables: Readonly<Record<string, string>> = {
  DATABASE_URL:
    "any-Postgres mode (the pool factory's second mode) for local servers and CI; on Apps, Lakebase comes from LAKEBASE_ENDPOINT and the injected PG* variables",
  PGPASSWORD:
    "any-Postgres mode with a password login; on Apps the password is an OAuth token minted at runtime and never set",
  APPBASE_STATE_DIR: "the local state folder (local Lakebase data, resource map); unused on Apps",
  APPBASE_LAKEBASE_PORT: "the port of the local Lakebase; unused on Apps",
  APPBASE_LAKEBASE_SNAPSHOT_MINUTES:
    "how often the local Lakebase snapshots its branches; unused on Apps (Lakebase keeps its own history)",
  APPBASE_LAKEHOUSE_DIR:
    "the local lakehouse folder `appbase up` passes to kits (openLakehouseFromEnv); on Apps the lakehouse is the SQL warehouse bound as DATABRICKS_WAREHOUSE_ID",
  APPBASE_KITS:
    "the kit switcher's links when `appbase up` serves kits side by side; on Apps each kit is deployed alone",
  APPBASE_BRANCH:
    "the local branch name `appbase preview` passes to a kit for its branch badge; on Apps the branch is read from LAKEBASE_ENDPOINT",
  APPBASE_POSTGRES_BIN: "PostgreSQL server binaries for throwaway test clusters; tooling only",
  APPBASE_BUNDLE_SCHEMA: "where the bundle tooling finds the bundle JSON schema; tooling only",
  APPBASE_DATABRICKS_CLI: "which Databricks CLI the bundle tooling runs; tooling only",
};

/**
 * Variables that the runtime itself sets in every deployed app process, so reading them is portable.
 * They are not injected by the platform, so they live here rather than in bindings' platform list.
 */
export const runtimeSetVariables: Readonly<Record<string, string>> = {
  NODE_ENV: "set to production by the Next.js server (`next start` and the standalone server.js)",
  NEXT_RUNTIME: "set by Next.js to the runtime executing the code (nodejs or edge)",
  PORT: "set by the staged launcher (start.mjs) from DATABRICKS_APP_PORT before the Next.js server starts",
  HOSTNAME: "set by the staged launcher (start.mjs) to 0.0.0.0, the bind address Databricks Apps requires",
};
