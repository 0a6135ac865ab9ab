import "server-only";
import { createKitServer } from "@appbase/next-kit/server";
import kit from "../../kit.ts";
import pkg from "../../package.json" with { type: "json" };

/** The kit's server: every action, route, page and the health route are built from it. */
export const server = createKitServer(kit, { version: pkg.version });
export const {
  defineAction,
  defineRoute,
  currentIdentity,
  identityOrReason,
  can,
  pageViewer,
  db,
  serverEnv,
} = server;
