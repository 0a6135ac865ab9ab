import "server-only";
import { customerHubMatrix } from "@appbase/grants/kits";
import { createKitRuntime } from "@appbase/next-kit/kit";
import { serverEnv } from "../env.ts";
import { localUsers } from "./local-users.ts";

/** The one wrapper set of this kit: every server action and route handler is built from it. */
export const kit = createKitRuntime({
  mode: serverEnv().mode,
  matrix: customerHubMatrix,
  localUsers,
  logger: console,
});

export const { defineAction, defineRoute, currentIdentity, can } = kit;
