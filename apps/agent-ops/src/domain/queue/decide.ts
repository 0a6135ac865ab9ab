import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import type { MayRead } from "@appbase/queue";
import { reviewQueue } from "./queue.ts";
import type { ReviewDecision, ReviewItem } from "./review-item.ts";

export interface DecisionInput {
  itemId: string;
  reviewer: string;
  expectedVersion: number;
  decision: ReviewDecision;
  rationale: string;
  editedValue?: unknown;
  /** Holders of review.reassign may decide items someone else claimed. */
  mayOverride?: boolean;
  /** The reviewer's row rule (reviewerMayRead): a refused decision on an item it hides says nothing of it. */
  mayRead?: MayRead;
}

/** Records a decision on an item the reviewer holds a live claim on; a stale version or lost lease is a conflict. */
export async function decideReviewItem(db: Queryable, input: DecisionInput): Promise<ReviewItem> {
  if (input.rationale.trim().length < 3) {
    throw new FieldRuleError("rationale", "Say why you decided this (at least 3 characters).");
  }
  if (input.decision === "edit" && input.editedValue === undefined) {
    throw new FieldRuleError(
      "editedValue",
      "An edit decision needs the edited value to resume the agent with.",
    );
  }
  return reviewQueue.close(db, {
    id: input.itemId,
    actor: input.reviewer,
    expectedVersion: input.expectedVersion,
    status: "decided",
    values: {
      decision: input.decision,
      rationale: input.rationale.trim(),
      edited_value: input.editedValue === undefined ? null : JSON.stringify(input.editedValue),
      decided_by: input.reviewer,
      decided_at: new Date(),
    },
    override: input.mayOverride ?? false,
    mayRead: input.mayRead,
  });
}
