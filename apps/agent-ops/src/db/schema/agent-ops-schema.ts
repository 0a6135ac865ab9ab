import { pgSchema } from "drizzle-orm/pg-core";

/** The kit's own Postgres schema (authority: Lakebase): agent runs, the review queue and evaluation handoffs. */
export const agentOps = pgSchema("agent_ops");
