import { pgSchema } from "drizzle-orm/pg-core";

/** The kit's own Postgres schema (authority: Lakebase); the synced `risk` schema is read-only to it. */
export const riskCompliance = pgSchema("risk_compliance");
