import { resolveStateDir } from "@appbase/db";
import { BranchError, type BranchPort } from "./branch-port.ts";
import { lakebaseBranchPort } from "./databricks/from-env.ts";
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
  if (!project)
    throw new BranchError(
      "FAILED_PRECONDITION",
      "Branch previews on Databricks need LAKEBASE_ENDPOINT as projects/<p>/branches/<b>/endpoints/<e>.",
    );
  return lakebaseBranchPort(env, project);
}
