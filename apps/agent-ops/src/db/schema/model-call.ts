import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, text, timestamp } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";

/**
 * One call of an agent's model (a serving endpoint or the scripted stand-in): who ran it, tokens in and
 * out as the model reported them (null when it reports none), latency and whether it failed.
 */
export const modelCall = agentOps.table(
  "model_call",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    threadId: text("thread_id").notNull(),
    agent: text("agent").notNull(),
    model: text("model").notNull(),
    /** The person whose run it is (who started it). */
    userEmail: text("user_email").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    latencyMs: integer("latency_ms").notNull(),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    status: text("status").notNull(),
    error: text("error"),
  },
  (t) => [
    index("model_call_started_idx").on(t.startedAt),
    index("model_call_thread_idx").on(t.threadId),
    check("model_call_status_check", sql`${t.status} in ('ok','error')`),
  ],
);

export type ModelCallRow = typeof modelCall.$inferSelect;
