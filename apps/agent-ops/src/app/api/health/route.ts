// GET /api/health: database reachable, mode and version, for `appbase up` and the Apps runtime.
import { createHealthRoute } from "@appbase/next-kit/health";
import pkg from "../../../../package.json" with { type: "json" };
import { db, describeDatabase } from "../../../server/db.ts";

export const dynamic = "force-dynamic";

export const GET = createHealthRoute({
  kit: "agent-ops",
  version: pkg.version,
  mode: describeDatabase,
  pingDatabase: async () => {
    await (await db()).query("select 1");
  },
});
