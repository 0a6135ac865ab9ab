"use server";

import { plainText, versionNumber } from "@appbase/next-kit/fields";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideAndResume } from "../domain/queue/decide-and-resume.ts";
import { claimItem, reviewerMayRead } from "../domain/queue/queue.ts";
import { reviewDecisionSchema } from "../domain/queue/review-item.ts";
import { boundAgentModel, boundMlflowTarget } from "../server/databricks.ts";
import { can, db, defineAction } from "../server/kit.ts";
import { callKit } from "../server/links.ts";

const itemId = z.uuid({ error: "itemId must be a review item id (a UUID)." });

/** Claims a review item with a lease; someone else's live claim is a conflict naming them. */
export const claimReviewAction = defineAction({
  permission: "review.claim",
  input: z.object({ itemId }),
  handler: async (input, { identity }) => {
    const item = await claimItem(await db(), {
      itemId: input.itemId,
      reviewer: identity.email,
      mayRead: reviewerMayRead(identity.email, can(identity, "review.read-all")),
    });
    revalidatePath("/queue");
    return item;
  },
});

/** Decides a claimed item with a rationale; an interrupt's decision resumes the paused agent run. */
export const decideReviewAction = defineAction({
  permission: "review.decide",
  input: z.object({
    itemId,
    expectedVersion: versionNumber(),
    decision: reviewDecisionSchema,
    rationale: plainText("rationale", 2000, {
      min: 3,
      required: "Say why you decided this (at least 3 characters).",
    }),
    // The proposed call's arguments as the reviewer changed them (an edit decision).
    editedArgs: z
      .record(
        plainText("argument name", 64, { min: 1 }),
        z.union([plainText("argument", 2000), z.number().finite(), z.boolean()], {
          error: "Each edited argument is text (at most 2,000 characters), a number or true/false.",
        }),
        {
          error:
            "editedArgs must map argument names to text (at most 2,000 characters), numbers or true/false.",
        },
      )
      .optional(),
  }),
  handler: async (input, { identity }) => {
    const model = boundAgentModel();
    const mlflow = boundMlflowTarget();
    const result = await decideAndResume(await db(), {
      ...input,
      reviewer: identity.email,
      mayOverride: can(identity, "review.reassign"),
      mayRead: reviewerMayRead(identity.email, can(identity, "review.read-all")),
      ...(model ? { model } : {}),
      kits: callKit,
      ...(mlflow ? { mlflow } : {}),
    });
    revalidatePath("/queue");
    revalidatePath(`/threads/${result.item.threadId}`);
    return result;
  },
});
