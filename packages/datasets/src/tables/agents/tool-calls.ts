import { index, integer, jsonb, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { agentsSchema } from "../schemas.ts";

/** Tool calls with arguments, result or error, and latency (null while awaiting approval). */
export const toolCalls = agentsSchema.table(
  "tool_calls",
  {
    tool_call_id: text("tool_call_id").primaryKey(),
    thread_id: text("thread_id").notNull(),
    message_id: text("message_id").notNull(),
    tool_name: text("tool_name").notNull(),
    args: jsonb("args").notNull(),
    result: jsonb("result"),
    error: text("error"),
    status: text("status").notNull(),
    latency_ms: integer("latency_ms"),
    started_at: instant("started_at").notNull(),
  },
  (t) => [
    index("tool_calls_thread_started_idx").on(t.thread_id, t.started_at),
    index("tool_calls_message_idx").on(t.message_id),
    index("tool_calls_tool_status_idx").on(t.tool_name, t.status),
  ],
);
