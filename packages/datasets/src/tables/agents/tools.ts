import { boolean, index, jsonb, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { agentsSchema } from "../schemas.ts";

/** The agents' tool registry. */
export const tools = agentsSchema.table(
  "tools",
  {
    tool_name: text("tool_name").primaryKey(),
    agent_kind: text("agent_kind").notNull(),
    description: text("description").notNull(),
    args_schema: jsonb("args_schema").notNull(),
    requires_approval: boolean("requires_approval").notNull(),
    registered_at: instant("registered_at").notNull(),
  },
  (t) => [index("tools_agent_kind_idx").on(t.agent_kind)],
);
