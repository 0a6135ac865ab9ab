import { fileURLToPath } from "node:url";

/** The kit's drizzle migrations as `applyMigrations` and the test templates take them. */
export const agentOpsMigrations = {
  migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)),
  owner: "agent_ops",
};
