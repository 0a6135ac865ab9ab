import { bigint, boolean, text, timestamp } from "drizzle-orm/pg-core";
import { agentOps } from "./agent-ops-schema.ts";

// Governed tables (ARCHITECTURE.md "State authority"): silver in the lakehouse is the authority and the
// Governance Writer is the only writer; these Lakebase copies serve reads. Scalar columns only, so
// the silver Delta declaration derives from this one without JSON mapping.

/** The agents this kit can run, as registered by an admin. */
export const agentDefinition = agentOps.table("agent_definition", {
  agentId: text("agent_id").primaryKey(),
  title: text("title").notNull(),
  description: text("description").notNull(),
  /** Tool names the agent may call, comma-separated, each registered in tool_registry. */
  tools: text("tools").notNull(),
  /** Whether a human-review step gates the agent's final answer. */
  reviewRequired: boolean("review_required").notNull(),
  enabled: boolean("enabled").notNull(),
  version: bigint("version", { mode: "number" }).notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull(),
});

/** The tools agents may call: what each reads, and how risky a call is. */
export const toolRegistry = agentOps.table("tool_registry", {
  toolName: text("tool_name").primaryKey(),
  description: text("description").notNull(),
  /** The served tables the tool queries, comma-separated `schema.table`. */
  reads: text("reads").notNull(),
  riskLevel: text("risk_level").notNull(),
  enabled: boolean("enabled").notNull(),
  version: bigint("version", { mode: "number" }).notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull(),
});

export type AgentDefinitionRow = typeof agentDefinition.$inferSelect;
export type ToolRegistryRow = typeof toolRegistry.$inferSelect;
