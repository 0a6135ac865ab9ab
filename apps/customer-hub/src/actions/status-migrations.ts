"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "../server/kit.ts";
import { applyStatusPreview, statusPreviews } from "../server/status-previews.ts";
import { statusMigrationInput } from "./fields.ts";

/** Prepares a bulk status change on a new Lakebase branch of main; main is not touched. */
export const prepareStatusMigrationAction = defineAction({
  permission: "status.migrate",
  input: statusMigrationInput,
  handler: async (migration, { identity }) => {
    const preview = await statusPreviews.prepare(process.env, identity, migration);
    revalidatePath("/status-migrations");
    return { branch: preview.branch, customers: preview.plan.targets.length };
  },
});

/** Applies a previewed migration on main; customers moved since the preview come back as conflicts. */
export const applyStatusMigrationAction = defineAction({
  permission: "status.migrate",
  input: z.object({ branch: statusPreviews.branchField }),
  // No revalidatePath: it would re-render this preview's page, now "gone", over the outcome (the pages are dynamic).
  handler: ({ branch }, { identity }) => applyStatusPreview(process.env, identity, branch),
});

/** Discards a preview: its branch is deleted and main stays as it is. */
export const discardStatusMigrationAction = defineAction({
  permission: "status.migrate",
  input: z.object({ branch: statusPreviews.branchField }),
  handler: async ({ branch }) => {
    await statusPreviews.discard(process.env, branch);
    return { discarded: branch };
  },
});
