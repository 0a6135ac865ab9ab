import { defineConfig } from "drizzle-kit";

// Generates SQL migrations for the kit's own schema only; the synced `risk` tables belong to @appbase/datasets.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["risk_compliance"],
  migrations: { schema: "risk_compliance", table: "__drizzle_migrations" },
});
