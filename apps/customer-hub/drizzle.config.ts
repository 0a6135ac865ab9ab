import { defineConfig } from "drizzle-kit";

// Generates SQL migrations for the app's own schema only; the synced `customer` tables belong to @appbase/datasets.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["customer_hub"],
  migrations: { schema: "customer_hub", table: "__drizzle_migrations" },
});
