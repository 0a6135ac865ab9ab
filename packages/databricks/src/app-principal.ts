import { m2mTokenSource } from "./auth.ts";
import { type WorkspaceClient, workspaceClient } from "./client.ts";
import type { RetryPolicy } from "./retry.ts";

/** The variables Databricks Apps injects for the app's service principal (OAuth M2M). */
const APP_PRINCIPAL_VARIABLES = [
  "DATABRICKS_HOST",
  "DATABRICKS_CLIENT_ID",
  "DATABRICKS_CLIENT_SECRET",
] as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Which of the app service principal's variables are not set, so a caller can say what to bind. */
export function missingAppPrincipal(env: Env): string[] {
  return APP_PRINCIPAL_VARIABLES.filter((name) => !env[name]);
}

/**
 * The workspace as the app's service principal, from the variables Databricks Apps injects.
 * Callers check `missingAppPrincipal` first to word their own error; this one names the gap.
 */
export function appWorkspaceClient(
  env: Env,
  options: { fetch?: typeof fetch; retry?: Partial<RetryPolicy> } = {},
): WorkspaceClient {
  const missing = missingAppPrincipal(env);
  const {
    DATABRICKS_HOST: host,
    DATABRICKS_CLIENT_ID: clientId,
    DATABRICKS_CLIENT_SECRET: clientSecret,
  } = env;
  if (!host || !clientId || !clientSecret)
    throw new Error(`The app's service principal needs ${missing.join(", ")}; Databricks Apps injects them.`);
  return workspaceClient({
    host,
    auth: m2mTokenSource({ host, clientId, clientSecret, fetch: options.fetch, retry: options.retry }),
    fetch: options.fetch,
    retry: options.retry,
  });
}
