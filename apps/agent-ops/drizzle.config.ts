import { defineConfig } from "drizzle-kit";

// Generates SQL migrations for the kit's own schema; `agent_checkpoints` belongs to PostgresSaver.setup().
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["agent_ops"],
  migrations: { schema: "agent_ops", table: "__drizzle_migrations" },
});
