import { datasetsMigrations, servedTables } from "@appbase/datasets";
import { MIGRATIONS_SCHEMA } from "@appbase/db";
import type pg from "pg";

// What a Lakebase holds right after a bundle deploy, before any app started: the synced tables' schemas
// (served tables), the sync status and the CLI's own bookkeeping. Everything else is a kit's to create.
const PLATFORM_SCHEMAS = new Set([
  ...Object.keys(servedTables).map((name) => name.split(".")[0] as string),
  "appbase_meta",
  MIGRATIONS_SCHEMA,
  "public",
  "information_schema",
]);

/**
 * Drops every schema a kit (or its governance outbox, or its checkpointer) created, and their migration
 * journals, so the next start finds what a fresh deploy finds. Returns the schemas dropped.
 */
export async function resetToPlatformState(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' ORDER BY 1",
  );
  const dropped = rows.map((row) => row.name).filter((name) => !PLATFORM_SCHEMAS.has(name));
  for (const name of dropped) await pool.query(`DROP SCHEMA "${name}" CASCADE`);
  const journals = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> $2",
    [MIGRATIONS_SCHEMA, datasetsMigrations.owner],
  );
  for (const { name } of journals.rows) await pool.query(`DROP TABLE "${MIGRATIONS_SCHEMA}"."${name}"`);
  return dropped;
}
