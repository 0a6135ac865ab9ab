import { appWorkspaceClient, missingAppPrincipal } from "@appbase/databricks";
import { BranchError, type BranchPort } from "../branch-port.ts";
import { LakebaseBranches } from "./lakebase-branches.ts";

/**
 * The Lakebase Autoscaling adapter for `project`, as the service principal of DATABRICKS_HOST,
 * DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (used by kits and by `appbase branch --project`).
 */
export function lakebaseBranchPort(env: Record<string, string | undefined>, project: string): BranchPort {
  if (missingAppPrincipal(env).length > 0)
    throw new BranchError(
      "FAILED_PRECONDITION",
      "Lakebase branches on Databricks need DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (a service principal with CAN MANAGE on the project).",
    );
  return new LakebaseBranches({ client: appWorkspaceClient(env), project });
}
