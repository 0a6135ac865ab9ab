import "server-only";
import { qualifiedName } from "@appbase/grants";
import { kitPreviews } from "@appbase/next-kit/previews";
import kit from "../../kit.ts";
import type { Viewer } from "../domain/customers/access.ts";
import {
  describeStatusMigration,
  planStatusMigration,
  runStatusMigration,
  type StatusMigration,
  type StatusMigrationOutcome,
  type StatusMigrationPlan,
} from "../domain/status/status-migration.ts";
import { db } from "./kit.ts";

/** The hub's previews of a status migration: planned and run on a branch as the lead who prepares it. */
export const statusPreviews = kitPreviews<StatusMigration, StatusMigrationPlan, Viewer>({
  kit: kit.id,
  what: "status migrations",
  diffTables: (kit.diffTables ?? []).map((table) => qualifiedName(table)),
  title: describeStatusMigration,
  plan: (branch, migration, by) => planStatusMigration(branch, by, migration),
  run: async (branch, plan, by) => {
    const outcome = await runStatusMigration(branch, by, plan);
    if (outcome.conflicts.length > 0)
      throw new Error(
        `The preview branch refused ${outcome.conflicts.length} customer(s): ${outcome.conflicts[0]?.reason}`,
      );
  },
});

/** Re-applies the previewed migration on main as the applying lead; customers changed since are conflicts. */
export async function applyStatusPreview(
  env: Record<string, string | undefined>,
  viewer: Viewer,
  branch: string,
): Promise<StatusMigrationOutcome> {
  const main = await db();
  return statusPreviews.apply(env, branch, (plan) => runStatusMigration(main, viewer, plan));
}
