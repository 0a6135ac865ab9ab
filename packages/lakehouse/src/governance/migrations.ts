import path from "node:path";
import { fileURLToPath } from "node:url";

/** The outbox's committed migrations, for `applyMigrations(pool, governanceMigrations)` from @appbase/db. */
export const governanceMigrations = {
  // A path join, not `new URL("./drizzle", import.meta.url)`: Turbopack takes that literal form for an
  // asset to bundle, which fails for a folder, and kits that import the writer are built by Next.
  migrationsFolder: path.join(path.dirname(fileURLToPath(import.meta.url)), "drizzle"),
  owner: "appbase_governance",
} as const;
