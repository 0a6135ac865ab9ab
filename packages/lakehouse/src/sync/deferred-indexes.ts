import type { ResolvedSyncedTable } from "./declaration.ts";
import { pgIdent } from "./postgres-types.ts";
import type { SqlRunner } from "./sync-postgres.ts";
import { targetName } from "./target-table.ts";

/**
 * Memory for the index builds after a snapshot's load (a sort of the key columns per index); the
 * server default (64 MB) spills a 1M-row build to disk several times over.
 */
const INDEX_BUILD_MEMORY = "256MB";

/**
 * The target's indexes and key constraints that a snapshot can drop before loading and rebuild
 * after: plain indexes, and PRIMARY KEY / UNIQUE / EXCLUDE constraints. Left in place: an index
 * something else depends on (a foreign key that references it), the replica identity index and the
 * CLUSTER index, and invalid indexes (an interrupted CREATE INDEX CONCURRENTLY is the app's to redo).
 */
const DEFERRABLE = `
  SELECT c.conname AS constraint_name, ic.relname AS index_name,
         CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid) ELSE pg_get_constraintdef(c.oid) END AS definition
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    LEFT JOIN pg_constraint c
      ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
   WHERE i.indrelid = to_regclass($1) AND i.indisvalid AND NOT i.indisreplident AND NOT i.indisclustered
     AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = i.indexrelid AND d.deptype = 'n')
   ORDER BY ic.relname`;

/**
 * Drops the target's deferrable indexes and key constraints (see DEFERRABLE) and returns the
 * statements that rebuild them under their own names. Loading into an index-free table and building
 * each index once after (one sort) is what keeps a snapshot of millions of rows near COPY's rate: with
 * the indexes in place every row updates each B-tree at a random page, and past the buffer cache that
 * is a read per row. Run both halves in the snapshot's transaction, so readers never see the table
 * without its indexes, and a duplicate key fails the rebuild and rolls the snapshot back.
 */
export async function dropIndexesForLoad(client: SqlRunner, t: ResolvedSyncedTable): Promise<string[]> {
  const { rows } = await client.query(DEFERRABLE, [targetName(t)]);
  const rebuild: string[] = [];
  for (const row of rows) {
    const definition = String(row.definition);
    if (row.constraint_name === null) {
      await client.query(`DROP INDEX ${pgIdent(t.schema)}.${pgIdent(String(row.index_name))}`);
      rebuild.push(definition);
    } else {
      const name = pgIdent(String(row.constraint_name));
      await client.query(`ALTER TABLE ${targetName(t)} DROP CONSTRAINT ${name}`);
      rebuild.push(`ALTER TABLE ${targetName(t)} ADD CONSTRAINT ${name} ${definition}`);
    }
  }
  return rebuild;
}

/** Runs the statements dropIndexesForLoad returned, with memory enough to sort each index in one pass. */
export async function rebuildIndexes(client: SqlRunner, statements: readonly string[]): Promise<void> {
  if (statements.length === 0) return;
  await client.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
  for (const statement of statements) await client.query(statement);
}
