import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";

/**
 * One executed tool call, recorded by the tool wrapper as it runs: the checkpoints hold arguments
 * and results, but not how long a call took, so latency and error rates come from here.
 */
export const toolCall = agentOps.table(
  "tool_call",
  {
    /** The model's tool call id (the `tool_call_id` of the ToolMessage), unique per thread. */
    toolCallId: text("tool_call_id").notNull(),
    threadId: text("thread_id").notNull(),
    agent: text("agent").notNull(),
    tool: text("tool").notNull(),
    args: jsonb("args").notNull(),
    result: jsonb("result"),
    error: text("error"),
    status: text("status").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [
    primaryKey({ name: "tool_call_pk", columns: [t.threadId, t.toolCallId] }),
    index("tool_call_tool_started_idx").on(t.tool, t.startedAt),
    check("tool_call_status_check", sql`${t.status} in ('ok','error')`),
  ],
);

export type ToolCallRow = typeof toolCall.$inferSelect;
