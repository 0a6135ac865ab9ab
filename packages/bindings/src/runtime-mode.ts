import { type EnvRecord, readVariable } from "./env-issues.ts";

/** `apps`: running on Databricks Apps (or a rehearsal of it); `local`: a laptop or CI. */
export type RuntimeMode = "apps" | "local";

/** Detects Databricks Apps by the two variables its runtime injects into every app: the app name and port. */
export function detectRuntimeMode(env: EnvRecord): RuntimeMode {
  // Both are required: one alone is more likely a stray export in a developer's shell than the platform.
  return readVariable(env, "DATABRICKS_APP_NAME") !== undefined &&
    readVariable(env, "DATABRICKS_APP_PORT") !== undefined
    ? "apps"
    : "local";
}
