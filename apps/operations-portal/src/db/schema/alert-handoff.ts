import { text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alert } from "./alert.ts";
import { operationsPortal } from "./operations-portal-schema.ts";

/**
 * An alert an operator handed to an agent: the Agent Ops thread that plans it (one per alert, so
 * handing it twice starts one run). The alert shows it; the work order the agent proposes links to it.
 */
export const alertHandoff = operationsPortal.table("alert_handoff", {
  alertId: uuid("alert_id")
    .primaryKey()
    .references(() => alert.id),
  agentKit: text("agent_kit").notNull(),
  threadId: text("thread_id").notNull(),
  handedBy: text("handed_by").notNull(),
  handedAt: timestamp("handed_at", { withTimezone: true }).notNull().defaultNow(),
});
