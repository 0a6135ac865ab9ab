"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  applySitePreview,
  discardSitePreview,
  prepareSitePreview,
} from "../domain/site-changes/site-previews.ts";
import { db, defineAction } from "../server/kit.ts";
import { siteIdField, technicianIdField } from "./fields.ts";

const previewBranchField = z
  .string({ error: "branch is required; pick a preview from the list." })
  .regex(
    /^operations-portal-preview-[0-9a-f]{8}$/,
    "branch must be a site-change preview; pick one from the list.",
  );

const changeInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("reassign"),
      siteId: siteIdField,
      fromAssigneeId: technicianIdField,
      toAssigneeId: technicianIdField,
    }),
    z.object({
      kind: z.literal("reschedule"),
      siteId: siteIdField,
      days: z.coerce
        .number({ error: "days must be a whole number of days." })
        .int("days must be a whole number of days.")
        .min(-90, "days must be between -90 and 90.")
        .max(90, "days must be between -90 and 90.")
        .refine((d) => d !== 0, "days must move the dates: use a number other than 0."),
    }),
  ],
  { error: "kind must be reassign or reschedule." },
);

/** Prepares a bulk site change on a new Lakebase branch of main; main is not touched. */
export const prepareSiteChangeAction = defineAction({
  permission: "branch.preview",
  input: changeInput,
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
    revalidatePath("/site-changes");
    revalidatePath("/work-orders");
    return outcome;
  },
});

/** Discards a preview: its branch is deleted and main stays as it is. */
export const discardSiteChangeAction = defineAction({
  permission: "branch.preview",
  input: z.object({ branch: previewBranchField }),
  handler: async ({ branch }) => {
    await discardSitePreview(process.env, branch);
    revalidatePath("/site-changes");
    return { discarded: branch };
  },
});
