import { sql } from "drizzle-orm";
import { boolean, check, index, integer, text, timestamp } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";

/**
 * One row per thread of the kit's checkpoint schema (and per kit run), the threads list reads instead
 * of summarising checkpoints and tool calls on every view. `refreshThreadSummary` is its only writer:
 * the code that writes a run or a checkpoint recomputes the thread's row from those sources.
 */
export const threadSummary = agentOps.table(
  "thread_summary",
  {
    threadId: text("thread_id").primaryKey(),
    /** The schema whose checkpoints hold the thread; null for a kit run with no checkpoint yet. */
    checkpointSchema: text("checkpoint_schema"),
    kitRun: boolean("kit_run").notNull(),
    agent: text("agent"),
    model: text("model"),
    request: text("request"),
    status: text("status").notNull(),
    error: text("error"),
    startedBy: text("started_by"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    step: integer("step"),
    nodes: text("nodes").array().notNull().default(sql`'{}'::text[]`),
    toolCalls: integer("tool_calls").notNull().default(0),
    toolErrors: integer("tool_errors").notNull().default(0),
  },
  // One index per sort of the list (the sort expression, then the thread id that breaks ties, as the
  // keyset pages compare them) and per filter under the default sort.
  (t) => [
    index("thread_summary_started_idx").on(t.startedAt, t.threadId),
    index("thread_summary_duration_idx").on(sql`(${t.updatedAt} - ${t.startedAt})`, t.threadId),
    index("thread_summary_tool_errors_idx").on(t.toolErrors, t.threadId),
    index("thread_summary_agent_sort_idx").on(sql`coalesce(${t.agent}, '')`, t.threadId),
    index("thread_summary_status_sort_idx").on(t.status, t.threadId),
    index("thread_summary_agent_idx").on(t.agent, t.startedAt, t.threadId),
    index("thread_summary_status_idx").on(t.status, t.startedAt, t.threadId),
    index("thread_summary_with_errors_idx").on(t.startedAt, t.threadId).where(sql`${t.toolErrors} > 0`),
    check("thread_summary_status_check", sql`${t.status} in ('running','interrupted','completed','failed')`),
  ],
);

export type ThreadSummaryRow = typeof threadSummary.$inferSelect;
