/**
 * The drizzle-kit config pattern each owner copies (one per package or kit):
 *   schema:       the folder of table files (one table per file)
 *   out:          the committed SQL migrations folder, applied with `applyMigrations`
 *   schemaFilter: the owner's Postgres schema, so drizzle-kit never touches another owner's tables
 * Generate after changing a table: `pnpm exec drizzle-kit generate --config <this file>`.
 */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/testing/__fixtures__/example-schema/index.ts",
  out: "./src/testing/__fixtures__/drizzle",
  schemaFilter: ["example_kit"],
  casing: "snake_case",
  strict: true,
});
