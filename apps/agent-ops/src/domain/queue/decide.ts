import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import type { Queryable } from "@appbase/db";
import { getReviewItem } from "./queue.ts";
import { type ReviewDecision, type ReviewItem, toReviewItem } from "./review-item.ts";

export interface DecisionInput {
  itemId: string;
  reviewer: string;
  expectedVersion: number;
  decision: ReviewDecision;
  rationale: string;
  editedValue?: unknown;
  /** Holders of review.reassign may decide items someone else claimed. */
  mayOverride?: boolean;
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
  const { rows } = await db.query(
    `update agent_ops.review_item
     set status = 'decided', decision = $4, rationale = $5, edited_value = $6, decided_by = $2, decided_at = now(),
         lease_expires_at = null, version = version + 1, updated_at = now()
     where id = $1 and version = $3 and status = 'claimed'
       and ((claimed_by = $2 and lease_expires_at >= now()) or $7::boolean)
     returning *`,
    [
      input.itemId,
      input.reviewer,
      input.expectedVersion,
      input.decision,
      input.rationale.trim(),
      input.editedValue === undefined ? null : JSON.stringify(input.editedValue),
      input.mayOverride ?? false,
    ],
  );
  if (rows[0]) return toReviewItem(rows[0]);
  const current = await getReviewItem(db, input.itemId);
  if (current.status === "decided") throw new ConflictError("This item was already decided.", current);
  if (current.claimedBy !== input.reviewer) {
    throw new ConflictError("Claim this item before deciding it; it is not claimed by you.", current);
  }
  if (current.version !== input.expectedVersion) {
    throw new ConflictError("The item changed since you opened it; reload and decide again.", current);
  }
  throw new ConflictError("Your claim's lease expired; claim the item again before deciding.", current);
}
