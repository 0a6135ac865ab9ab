import {
  m2mTokenSource,
  type RetryPolicy,
  workspaceClient as sharedWorkspaceClient,
} from "@appbase/databricks";

export type { WorkspaceClient } from "@appbase/databricks";

/** The workspace as the app's service principal (OAuth M2M), through `@appbase/databricks`. */
export function workspaceClient(options: {
  /** Workspace origin, e.g. https://<workspace-host> (http:// for a local fake). */
  host: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}) {
  return sharedWorkspaceClient({
    host: options.host,
    auth: m2mTokenSource(options),
    fetch: options.fetch,
    retry: options.retry,
  });
}
