import { rowOf } from "@appbase/db";
import { z } from "zod";
import {
  REVIEW_DECISIONS,
  REVIEW_SOURCES,
  type ReviewItemRow,
  reviewItem,
} from "../../db/schema/review-item.ts";

/** Where a review item came from: an agent's interrupt() or a rule over its tool calls. */
export const reviewSourceSchema = z.enum(REVIEW_SOURCES);
export type ReviewSource = z.infer<typeof reviewSourceSchema>;

export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS, {
  error: `decision must be one of ${REVIEW_DECISIONS.join(", ")}.`,
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** A review item: the row as its drizzle declaration types it. */
export type ReviewItem = ReviewItemRow;

/** A whole `agent_ops.review_item` row (`select *` / `returning *`) as the domain type. */
export function toReviewItem(row: Record<string, unknown>): ReviewItem {
  return rowOf(reviewItem, row);
}
