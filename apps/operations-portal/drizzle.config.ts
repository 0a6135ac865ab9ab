import { defineConfig } from "drizzle-kit";

// Generates SQL migrations for the kit's own schema only; the synced `operations` tables belong to @appbase/datasets.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["operations_portal"],
  migrations: { schema: "operations_portal", table: "__drizzle_migrations" },
});
