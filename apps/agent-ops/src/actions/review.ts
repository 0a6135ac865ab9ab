"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAssessmentHandoff } from "../domain/evaluation/assessment-handoff.ts";
import { decideReviewItem } from "../domain/queue/decide.ts";
import { claimItem, getReviewItem } from "../domain/queue/queue.ts";
import { reviewDecisionSchema } from "../domain/queue/review-item.ts";
import { assertResumable, resumeAgentRun } from "../domain/runs/runs.ts";
import { boundAgentModel, boundMlflowTarget } from "../server/databricks.ts";
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
    // The proposed call's arguments as the reviewer changed them (an edit decision).
    editedArgs: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
        error: "editedArgs must map argument names to text, numbers or true/false.",
      })
      .optional(),
  }),
  handler: async (input, { identity }) => {
    const pool = await db();
    const model = boundAgentModel();
    const open = await getReviewItem(pool, input.itemId);
    if (open.source === "interrupt") await assertResumable(pool, open.threadId, model);
    const edited = input.decision === "edit" ? input.editedArgs : undefined;
    const decided = await decideReviewItem(pool, {
      itemId: input.itemId,
      reviewer: identity.email,
      expectedVersion: input.expectedVersion,
      decision: input.decision,
      rationale: input.rationale,
      ...(edited !== undefined ? { editedValue: edited } : {}),
      mayOverride: can(identity, "review.reassign"),
    });
    const target = boundMlflowTarget();
    const handoff = await recordAssessmentHandoff(pool, decided, { experimentBound: target !== undefined });
    const run =
      decided.source === "interrupt"
        ? await resumeAgentRun(pool, {
            threadId: decided.threadId,
            resume: {
              decision: input.decision,
              rationale: input.rationale,
              ...(edited !== undefined ? { editedArgs: edited } : {}),
            },
            ...(model ? { model } : {}),
            ...(target ? { tracing: { target, user: identity.email } } : {}),
          })
        : null;
    revalidatePath("/queue");
    revalidatePath(`/threads/${decided.threadId}`);
    return { item: decided, handoff, run };
  },
});
