import { fileURLToPath } from "node:url";

/** The outbox's committed migrations, for `applyMigrations(pool, governanceMigrations)` from @appbase/db. */
export const governanceMigrations = {
  migrationsFolder: fileURLToPath(new URL("./drizzle", import.meta.url)),
  owner: "appbase_governance",
} as const;
