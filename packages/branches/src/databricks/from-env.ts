import { m2mTokenSource, workspaceClient } from "@appbase/databricks";
import { BranchError, type BranchPort } from "../branch-port.ts";
import { LakebaseBranches } from "./lakebase-branches.ts";

/**
 * The Lakebase Autoscaling adapter for `project`, as the service principal of DATABRICKS_HOST,
 * DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (used by kits and by `appbase branch --project`).
 */
export function lakebaseBranchPort(env: Record<string, string | undefined>, project: string): BranchPort {
  const {
    DATABRICKS_HOST: host,
    DATABRICKS_CLIENT_ID: clientId,
    DATABRICKS_CLIENT_SECRET: clientSecret,
  } = env;
  if (!host || !clientId || !clientSecret)
    throw new BranchError(
      "FAILED_PRECONDITION",
      "Lakebase branches on Databricks need DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (a service principal with CAN MANAGE on the project).",
    );
  return new LakebaseBranches({
    client: workspaceClient({ host, auth: m2mTokenSource({ host, clientId, clientSecret }) }),
    project,
  });
}
