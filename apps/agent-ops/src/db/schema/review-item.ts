import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";

/** Where a review item came from: an agent's interrupt() or a rule over its tool calls. */
export const REVIEW_SOURCES = ["interrupt", "tool-error", "policy-flag"] as const;
export const REVIEW_STATUSES = ["pending", "claimed", "decided"] as const;
export const REVIEW_DECISIONS = ["approve", "reject", "edit"] as const;

/** One thing a human must look at: an agent interrupt, a failed tool call or a policy flag. */
export const reviewItem = agentOps.table(
  "review_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: text("thread_id").notNull(),
    source: text("source", { enum: REVIEW_SOURCES }).notNull(),
    // Dedupes rule- and interrupt-created items, e.g. `interrupt:<thread>:<interrupt id>`.
    sourceKey: text("source_key").notNull().unique(),
    title: text("title").notNull(),
    payload: jsonb("payload").notNull().default({}),
    priority: integer("priority").notNull().default(100),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("pending"),
    claimedBy: text("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    decision: text("decision", { enum: REVIEW_DECISIONS }),
    rationale: text("rationale"),
    editedValue: jsonb("edited_value"),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("review_item_claimable_idx").on(t.priority, t.createdAt, t.id).where(sql`${t.status} = 'pending'`),
    index("review_item_thread_idx").on(t.threadId),
    check("review_item_source_check", sql`${t.source} in ('interrupt','tool-error','policy-flag')`),
    check("review_item_status_check", sql`${t.status} in ('pending','claimed','decided')`),
    check(
      "review_item_decision_check",
      sql`${t.decision} is null or ${t.decision} in ('approve','reject','edit')`,
    ),
  ],
);

export type ReviewItemRow = typeof reviewItem.$inferSelect;
