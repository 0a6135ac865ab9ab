import { m2mTokenSource, workspaceClient } from "@appbase/databricks";
import { resolveStateDir } from "@appbase/db";
import { BranchError, type BranchPort } from "./branch-port.ts";
import { LakebaseBranches } from "./databricks/lakebase-branches.ts";
import { LocalBranches } from "./local/local-branches.ts";

/**
 * The branch port a running kit uses: on Databricks (LAKEBASE_ENDPOINT bound) the Lakebase REST
 * adapter for the endpoint's project, with the app's service principal; locally the local
 * Lakebase's branch host in the state folder.
 */
export async function branchPortFromEnv(env: Record<string, string | undefined>): Promise<BranchPort> {
  const endpoint = env.LAKEBASE_ENDPOINT;
  if (!endpoint) return LocalBranches.connect(resolveStateDir(env));
  const project = /^projects\/([^/]+)\/branches\//.exec(endpoint)?.[1];
  const {
    DATABRICKS_HOST: host,
    DATABRICKS_CLIENT_ID: clientId,
    DATABRICKS_CLIENT_SECRET: clientSecret,
  } = env;
  if (!project || !host || !clientId || !clientSecret)
    throw new BranchError(
      "FAILED_PRECONDITION",
      "Branch previews on Databricks need LAKEBASE_ENDPOINT (projects/<p>/branches/<b>/endpoints/<e>) and the app's DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET.",
    );
  return new LakebaseBranches({
    client: workspaceClient({ host, auth: m2mTokenSource({ host, clientId, clientSecret }) }),
    project,
  });
}
