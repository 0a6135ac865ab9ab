import "server-only";
import {
  appWorkspaceClient,
  forwardedUserToken,
  missingAppPrincipal,
  type WorkspaceClient,
  workspaceClient,
} from "@appbase/databricks";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { askGenie } from "../domain/genie/genie-client.ts";
import { type GenieAnswer, GenieError } from "../domain/genie/genie-types.ts";
import { serverEnv } from "./kit.ts";

/** Whether a Genie space is bound, and if not, how to bind it (shown in the panel instead of an answer). */
export function genieBinding(): { bound: true; spaceId: string } | { bound: false; howToBind: string } {
  const env = serverEnv();
  if (env.GENIE_SPACE_ID && env.DATABRICKS_HOST) return { bound: true, spaceId: env.GENIE_SPACE_ID };
  return {
    bound: false,
    howToBind: env.GENIE_SPACE_ID
      ? "GENIE_SPACE_ID is set but DATABRICKS_HOST is not: Genie is reached through the workspace, which Databricks Apps injects."
      : "No genie_space resource is bound. Add a `genie_space` resource named `genie-space` to the app in bundles/customer-hub/databricks.yml " +
        "(and `- name: GENIE_SPACE_ID / valueFrom: genie-space` in app.yaml); locally, add it to .appbase/resources.json.",
  };
}

let appWorkspace: WorkspaceClient | undefined;

/** Asks the bound Genie space as the user (forwarded token) or, without one, as the app's service principal. */
export async function askBoundGenie(identity: KitIdentity, question: string): Promise<GenieAnswer> {
  const env = serverEnv();
  const binding = genieBinding();
  if (!binding.bound || !env.DATABRICKS_HOST)
    throw new GenieError(binding.bound ? "DATABRICKS_HOST is not set." : binding.howToBind);
  const host = env.DATABRICKS_HOST;
  let workspace: WorkspaceClient;
  if (identity.accessToken) {
    workspace = workspaceClient({ host, auth: forwardedUserToken(identity.accessToken) });
  } else if (missingAppPrincipal(env).length === 0) {
    appWorkspace ??= appWorkspaceClient(env);
    workspace = appWorkspace;
  } else {
    throw new GenieError(
      "No token to call Genie with: enable user authorization (dashboards.genie scope) so Apps forwards your token, or run with the app's service principal.",
    );
  }
  return askGenie({ workspace, spaceId: binding.spaceId }, question);
}
