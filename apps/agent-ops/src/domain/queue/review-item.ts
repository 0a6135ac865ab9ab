import { z } from "zod";

/** Where a review item came from: an agent's interrupt() or a rule over its tool calls. */
export const reviewSourceSchema = z.enum(["interrupt", "tool-error", "policy-flag"]);
export type ReviewSource = z.infer<typeof reviewSourceSchema>;

export const reviewDecisionSchema = z.enum(["approve", "reject", "edit"]);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** A review item as the domain returns it (snake_case columns mapped once, here). */
export interface ReviewItem {
  id: string;
  threadId: string;
  source: ReviewSource;
  sourceKey: string;
  title: string;
  payload: unknown;
  priority: number;
  status: "pending" | "claimed" | "decided";
  claimedBy: string | null;
  leaseExpiresAt: Date | null;
  decision: ReviewDecision | null;
  rationale: string | null;
  editedValue: unknown;
  decidedBy: string | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
}

export interface ReviewItemDbRow {
  id: string;
  thread_id: string;
  source: ReviewSource;
  source_key: string;
  title: string;
  payload: unknown;
  priority: number;
  status: ReviewItem["status"];
  claimed_by: string | null;
  lease_expires_at: Date | null;
  decision: ReviewDecision | null;
  rationale: string | null;
  edited_value: unknown;
  decided_by: string | null;
  decided_at: Date | null;
  version: number;
  created_at: Date;
}

/** Maps a `agent_ops.review_item` row to the domain shape. */
export function toReviewItem(r: ReviewItemDbRow): ReviewItem {
  return {
    id: r.id,
    threadId: r.thread_id,
    source: r.source,
    sourceKey: r.source_key,
    title: r.title,
    payload: r.payload,
    priority: r.priority,
    status: r.status,
    claimedBy: r.claimed_by,
    leaseExpiresAt: r.lease_expires_at,
    decision: r.decision,
    rationale: r.rationale,
    editedValue: r.edited_value,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    version: r.version,
    createdAt: r.created_at,
  };
}
