import "server-only";
import { createKitDatabase } from "@appbase/next-kit/db";
import { serverEnv } from "../env.ts";

/** The kit's pool, environment badge mode and database description (rules shared in @appbase/next-kit). */
export const { db, environmentMode, describeDatabase } = createKitDatabase({
  kit: "customer-hub",
  isAppsMode: () => serverEnv().mode === "apps",
});
