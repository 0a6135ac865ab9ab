import { pgSchema } from "drizzle-orm/pg-core";

/** The app's own Postgres schema (authority: Lakebase); the synced `customer` schema is read-only to it. */
export const customerHub = pgSchema("customer_hub");
