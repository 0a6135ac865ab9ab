import { fileURLToPath } from "node:url";

/** The served tables' committed migrations, for `applyMigrations(pool, datasetsMigrations)` from @appbase/db. */
export const datasetsMigrations = {
  migrationsFolder: fileURLToPath(new URL("../drizzle", import.meta.url)),
  owner: "datasets",
} as const;
