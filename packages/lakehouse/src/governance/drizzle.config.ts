import { defineConfig } from "drizzle-kit";

// Run from packages/lakehouse: pnpm exec drizzle-kit generate --config src/governance/drizzle.config.ts
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/governance/outbox-schema.ts",
  out: "./src/governance/drizzle",
  schemaFilter: ["appbase_governance"],
});
