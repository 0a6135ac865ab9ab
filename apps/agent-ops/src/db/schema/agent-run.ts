import { sql } from "drizzle-orm";
import { check, index, text, timestamp } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";

/** A conversation an operator started or a demo produced; its state lives in the LangGraph checkpoints. */
export const agentRun = agentOps.table(
  "agent_run",
  {
    threadId: text("thread_id").primaryKey(),
    agent: text("agent").notNull(),
    model: text("model").notNull(),
    request: text("request").notNull(),
    status: text("status").notNull().default("running"),
    error: text("error"),
    startedBy: text("started_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agent_run_started_idx").on(t.startedAt),
    check("agent_run_status_check", sql`${t.status} in ('running','interrupted','completed','failed')`),
  ],
);

export type AgentRunRow = typeof agentRun.$inferSelect;
