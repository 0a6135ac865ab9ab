import { index, jsonb, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { agentsSchema } from "../schemas.ts";

/** Deployed agent definitions. */
export const agentDefinitions = agentsSchema.table(
  "agent_definitions",
  {
    agent_id: text("agent_id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    model: text("model").notNull(),
    version: text("version").notNull(),
    system_prompt: text("system_prompt").notNull(),
    tools: jsonb("tools").notNull(),
    created_at: instant("created_at").notNull(),
  },
  (t) => [index("agent_definitions_kind_idx").on(t.kind)],
);
