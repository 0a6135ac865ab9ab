import { sql } from "drizzle-orm";
import { check, integer, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";
import { reviewItem } from "./review-item.ts";

/** The MLflow assessment a review decision becomes; one per decision, sent once. */
export const assessmentHandoff = agentOps.table(
  "assessment_handoff",
  {
    reviewItemId: uuid("review_item_id")
      .primaryKey()
      .references(() => reviewItem.id),
    threadId: text("thread_id").notNull(),
    payload: jsonb("payload").notNull(),
    // `unbound`: no MLflow experiment is bound, so the payload waits; `sent`: assessment_id is MLflow's.
    status: text("status", { enum: ["unbound", "pending", "sent"] })
      .notNull()
      .default("unbound"),
    assessmentId: text("assessment_id"),
    /** The MLflow trace the assessment is attached to, found by `mlflow.trace.session = thread_id`. */
    traceId: text("trace_id"),
    // Outbox delivery: attempts so far, when the next one is due, and the last failure in words.
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("assessment_handoff_status_check", sql`${t.status} in ('unbound','pending','sent')`)],
);

export type AssessmentHandoffRow = typeof assessmentHandoff.$inferSelect;
