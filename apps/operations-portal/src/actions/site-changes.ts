"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db, defineAction } from "../server/kit.ts";
import { applySitePreview, discardSitePreview, prepareSitePreview } from "../server/site-previews.ts";
import { previewBranchField, siteChangeInput } from "./fields.ts";

/** Prepares a bulk site change on a new Lakebase branch of main; main is not touched. */
export const prepareSiteChangeAction = defineAction({
  permission: "branch.preview",
  input: siteChangeInput,
  handler: async (change, { identity }) => {
    const preview = await prepareSitePreview(process.env, identity, change);
    revalidatePath("/site-changes");
    return { branch: preview.branch, orders: preview.plan.targets.length };
  },
});

/** Applies a previewed change on main; orders changed since the preview come back as conflicts. */
export const applySiteChangeAction = defineAction({
  permission: "site.change",
  input: z.object({ branch: previewBranchField }),
  handler: async ({ branch }, { identity }) => {
    const outcome = await applySitePreview(process.env, await db(), identity, branch);
    // No revalidatePath, as for discard: it would re-render this preview's page, now "gone", over the outcome.
    return outcome;
  },
});

/** Discards a preview: its branch is deleted and main stays as it is. */
export const discardSiteChangeAction = defineAction({
  permission: "branch.preview",
  input: z.object({ branch: previewBranchField }),
  handler: async ({ branch }) => {
    await discardSitePreview(process.env, branch);
    // No revalidatePath: it would re-render this preview's page, now "gone", over the confirmation (the pages are dynamic).
    return { discarded: branch };
  },
});
