import { type CatalogReader, diffPostgresShape, readPostgresShapes } from "@appbase/lakehouse/schema-diff";

/** How a branch's tables differ from its parent's, in the branch's terms. */
export type BranchSchemaChange =
  | { kind: "table-added" | "table-dropped"; table: string }
  | { kind: "column-added" | "column-dropped"; table: string; column: string; type: string }
  | { kind: "column-changed"; table: string; column: string; before: string; after: string }
  | { kind: "primary-key-changed"; table: string; before: string; after: string };

/** Bookkeeping schemas a schema diff leaves out: Postgres's own, the migration journals, previews' records. */
const NOT_USER_SCHEMAS = ["information_schema", "appbase_migrations", "appbase_preview"];

/**
 * The schemas holding data on any of `dbs` (every schema but Postgres's and AppBase's bookkeeping),
 * sorted: what a migration preview compares, so a migration of a shared dataset shows too.
 */
export async function userSchemas(dbs: readonly CatalogReader[]): Promise<string[]> {
  const names = new Set<string>();
  for (const db of dbs) {
    const { rows } = await db.query(
      `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> ALL($1::text[])`,
      [NOT_USER_SCHEMAS],
    );
    for (const row of rows) names.add(String(row.nspname));
  }
  return [...names].sort();
}

async function tablesIn(db: CatalogReader, schemas: readonly string[]): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1::text[]) ORDER BY 1`,
    [schemas],
  );
  return rows.map((r) => String(r.name));
}

/**
 * The schema diff of a branch against its parent for the given Postgres schemas: tables and
 * columns added or dropped, type/nullability and primary key changes (the one table-shape
 * comparison of `@appbase/lakehouse/schema-diff`, with the parent as "declared").
 */
export async function diffBranchSchema(input: {
  parent: CatalogReader;
  branch: CatalogReader;
  schemas: readonly string[];
}): Promise<BranchSchemaChange[]> {
  const [parentTables, branchTables] = await Promise.all([
    tablesIn(input.parent, input.schemas),
    tablesIn(input.branch, input.schemas),
  ]);
  const names = [...new Set([...parentTables, ...branchTables])].sort();
  const [before, after] = await Promise.all([
    readPostgresShapes(input.parent, names),
    readPostgresShapes(input.branch, names),
  ]);
  const out: BranchSchemaChange[] = [];
  for (const table of names) {
    const old = before.get(table);
    if (!old) {
      out.push({ kind: "table-added", table });
      continue;
    }
    for (const d of diffPostgresShape(old, after.get(table))) {
      if (d.kind === "missing-table") out.push({ kind: "table-dropped", table });
      else if (d.kind === "missing-column")
        out.push({ kind: "column-dropped", table, column: d.column, type: d.declared });
      else if (d.kind === "extra-column")
        out.push({ kind: "column-added", table, column: d.column, type: d.live });
      else if (d.kind === "primary-key")
        out.push({ kind: "primary-key-changed", table, before: d.declared, after: d.live });
      else out.push({ kind: "column-changed", table, column: d.column, before: d.declared, after: d.live });
    }
  }
  return out;
}

/** One line per change, for the CLI. */
export function formatSchemaChange(change: BranchSchemaChange): string {
  switch (change.kind) {
    case "table-added":
    case "table-dropped":
      return `${change.table}: ${change.kind === "table-added" ? "new table" : "table dropped"}`;
    case "column-added":
    case "column-dropped":
      return `${change.table}.${change.column}: ${change.kind === "column-added" ? "added" : "dropped"} (${change.type})`;
    case "column-changed":
      return `${change.table}.${change.column}: ${change.before} → ${change.after}`;
    case "primary-key-changed":
      return `${change.table}: primary key ${change.before} → ${change.after}`;
  }
}
