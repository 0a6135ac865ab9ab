"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { dispositionSchema } from "../domain/cases/lifecycle.ts";
import { applyReview, caseReviews, decideInReview } from "../server/case-reviews.ts";
import { defineAction } from "../server/kit.ts";
import { caseIdField, noteField, versionField } from "./fields.ts";

const MOVES = ["start", "propose", "sendBack", "approve", "close", "reopen"] as const;

/** A senior reviewer opens a branch holding a set of cases to work (main untouched until applied). */
export const openReviewAction = defineAction({
  permission: "case.decide",
  input: z.object({
    caseIds: z
      .array(caseIdField, { error: "caseIds must be the selected cases; reload the page." })
      .min(1, "Select at least one case.")
      .max(50, "Select at most 50 cases for one review."),
  }),
  handler: async (input, { identity }) => {
    const review = await caseReviews.prepare(process.env, identity, { caseIds: input.caseIds });
    revalidatePath("/reviews");
    return { branch: review.branch };
  },
});

/** One decision on the review's branch; replayed on main when the review is applied. */
export const decideInReviewAction = defineAction({
  permission: "case.decide",
  input: z.object({
    branch: caseReviews.branchField,
    caseId: caseIdField,
    expectedVersion: versionField,
    move: z.enum(MOVES, { error: `move must be one of ${MOVES.join(", ")}.` }),
    disposition: dispositionSchema.optional(),
    note: noteField.optional(),
  }),
  handler: async ({ branch, ...decision }, { identity }) => {
    const plan = await decideInReview(process.env, branch, { ...decision, actor: identity.email });
    revalidatePath(`/reviews/${branch}`);
    return { decisions: plan.decisions.length };
  },
});

/** Replays the review's decisions on main; cases changed there since are listed, never overwritten. */
export const applyReviewAction = defineAction({
  permission: "case.decide",
  input: z.object({ branch: caseReviews.branchField }),
  handler: async ({ branch }) => {
    // No revalidatePath: it would re-render this review's page, now gone, over the outcome and its
    // conflicts (the pages are dynamic, so the lists are read afresh on the next visit).
    return applyReview(process.env, branch);
  },
});

/** Discards the review: its branch is deleted and main was never touched. */
export const discardReviewAction = defineAction({
  permission: "case.decide",
  input: z.object({ branch: caseReviews.branchField }),
  handler: async ({ branch }) => {
    // No revalidatePath, as for apply: it would replace the confirmation with "no such review".
    await caseReviews.discard(process.env, branch);
    return { discarded: branch };
  },
});
