import { pgSchema } from "drizzle-orm/pg-core";

/** Each owner keeps its tables in its own Postgres schema, named after the owner. */
export const exampleKit = pgSchema("example_kit");
