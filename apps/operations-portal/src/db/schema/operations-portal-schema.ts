import { pgSchema } from "drizzle-orm/pg-core";

/** The kit's own Postgres schema (authority: Lakebase); the synced `operations` schema is read-only to it. */
export const operationsPortal = pgSchema("operations_portal");
