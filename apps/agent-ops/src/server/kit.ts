import "server-only";
import { agentOpsMatrix } from "@appbase/grants/kits";
import { createKitRuntime } from "@appbase/next-kit/kit";
import { serverEnv } from "../env.ts";
import { localUsers } from "./local-users.ts";

const env = serverEnv();

/** The one wrapper set of this kit: every server action and route handler is built from it. */
export const kit = createKitRuntime({
  mode: env.mode,
  matrix: agentOpsMatrix,
  localUsers,
  logger: console,
  // On Databricks Apps roles come from the user's workspace groups, read with their forwarded token.
  ...(env.DATABRICKS_HOST ? { workspaceHost: env.DATABRICKS_HOST } : {}),
});

export const { defineAction, defineRoute, currentIdentity, identityOrReason, can } = kit;
