"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAssessmentHandoff } from "../domain/evaluation/assessment-handoff.ts";
import { decideReviewItem } from "../domain/queue/decide.ts";
import { claimItem } from "../domain/queue/queue.ts";
import { reviewDecisionSchema } from "../domain/queue/review-item.ts";
import { resumeSupportRun } from "../domain/runs/runs.ts";
import { db } from "../server/db.ts";
import { can, defineAction } from "../server/kit.ts";

const itemId = z.uuid({ error: "itemId must be a review item id (a UUID)." });

/** Claims a review item with a lease; someone else's live claim is a conflict naming them. */
export const claimReviewAction = defineAction({
  permission: "review.claim",
  input: z.object({ itemId }),
  handler: async (input, { identity }) => {
    const item = await claimItem(await db(), { itemId: input.itemId, reviewer: identity.email });
    revalidatePath("/queue");
    return item;
  },
});

/** Decides a claimed item with a rationale; an interrupt's decision resumes the paused agent run. */
export const decideReviewAction = defineAction({
  permission: "review.decide",
  input: z.object({
    itemId,
    expectedVersion: z.coerce.number().int().positive("expectedVersion must be the version you opened."),
    decision: reviewDecisionSchema,
    rationale: z.string().trim().min(3, "Say why you decided this (at least 3 characters)."),
    editedAmount: z.coerce.number().positive("The edited refund amount must be above 0.").optional(),
  }),
  handler: async (input, { identity }) => {
    const pool = await db();
    const decided = await decideReviewItem(pool, {
      itemId: input.itemId,
      reviewer: identity.email,
      expectedVersion: input.expectedVersion,
      decision: input.decision,
      rationale: input.rationale,
      ...(input.decision === "edit" && input.editedAmount !== undefined
        ? { editedValue: { amount: input.editedAmount } }
        : {}),
      mayOverride: can(identity, "review.reassign"),
    });
    const handoff = await recordAssessmentHandoff(pool, decided, { experimentBound: false });
    const run =
      decided.source === "interrupt"
        ? await resumeSupportRun(pool, {
            threadId: decided.threadId,
            resume: {
              decision: input.decision,
              rationale: input.rationale,
              ...(input.decision === "edit" ? { editedArgs: { amount: input.editedAmount } } : {}),
            },
          })
        : null;
    revalidatePath("/queue");
    revalidatePath(`/threads/${decided.threadId}`);
    return { item: decided, handoff, run };
  },
});
