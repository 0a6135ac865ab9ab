import { type CatalogReader, readPostgresShapes } from "@appbase/lakehouse/schema-diff";
import { BranchError } from "../branch-port.ts";

/** A row as JSON (column → value), the way `to_jsonb` renders it. */
export type RowJson = Record<string, unknown>;

export interface TableRowDiff {
  /** `schema.table`. */
  table: string;
  primaryKey: string[];
  counts: { inserted: number; updated: number; deleted: number };
  /** Rows only on the branch (at most `limit`). Keys are the primary key values in key order. */
  inserted: { key: unknown[]; row: RowJson }[];
  /** Rows whose compared columns differ (at most `limit`), with the columns that changed. */
  updated: { key: unknown[]; columns: string[]; before: RowJson; after: RowJson }[];
  /** Rows only on the parent (at most `limit`). */
  deleted: { key: unknown[]; row: RowJson }[];
  /** How many updated rows changed each column (over all updated rows, not only the listed ones). */
  updatedColumns: Record<string, number>;
  /** Columns on one side only: not compared (the schema diff reports them). */
  uncomparedColumns: string[];
  /** Set when the table exists on one side only; its rows then count as inserted or deleted. */
  only?: "branch" | "parent";
}

export interface RowDiffInput {
  parent: CatalogReader;
  branch: CatalogReader;
  /** `schema.table` names, as a kit declares them. */
  tables: readonly string[];
  /** Rows listed per change kind and table (counts are always complete). Default 50. */
  limit?: number;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (table: string) => table.split(".").map(ident).join(".");
const FETCH_BATCH = 1000;

/**
 * Row-level diff of a branch against its parent for the given tables, keyed by primary key. Each
 * side is read once as (key, md5 of the row's JSON over the columns both sides have); only the
 * rows that differ are read in full, in batches, so the cost is one scan per side plus the changes.
 */
export async function diffBranchRows(input: RowDiffInput): Promise<TableRowDiff[]> {
  const limit = input.limit ?? 50;
  const [parentShapes, branchShapes] = await Promise.all([
    readPostgresShapes(input.parent, input.tables),
    readPostgresShapes(input.branch, input.tables),
  ]);
  const out: TableRowDiff[] = [];
  for (const table of input.tables) {
    const parentShape = parentShapes.get(table);
    const branchShape = branchShapes.get(table);
    if (!parentShape && !branchShape)
      throw new BranchError(
        "NOT_FOUND",
        `Table ${table} exists on neither the branch nor its parent; check the kit's diff tables.`,
      );
    const shape = branchShape ?? parentShape;
    const primaryKey = shape?.primaryKey ?? [];
    if (primaryKey.length === 0)
      throw new BranchError(
        "INVALID_PARAMETER_VALUE",
        `Table ${table} has no primary key, so its rows cannot be matched; give it one.`,
      );
    if (parentShape && branchShape && parentShape.primaryKey.join() !== branchShape.primaryKey.join())
      throw new BranchError(
        "FAILED_PRECONDITION",
        `Table ${table}'s primary key differs between the parent (${parentShape.primaryKey.join(", ")}) and the branch (${branchShape.primaryKey.join(", ")}); rows cannot be matched.`,
      );
    const parentColumns = parentShape?.columns.map((c) => c.name) ?? [];
    const branchColumns = branchShape?.columns.map((c) => c.name) ?? [];
    // Rows are compared over the columns both sides have; a table on one side only over its own.
    const columns =
      parentShape && branchShape
        ? branchColumns.filter((c) => parentColumns.includes(c))
        : [...branchColumns, ...parentColumns];
    const uncomparedColumns = [...new Set([...parentColumns, ...branchColumns])].filter(
      (c) => !columns.includes(c),
    );
    const parentSide: Side = {
      db: input.parent,
      table,
      primaryKey,
      exclude: parentColumns.filter((c) => !columns.includes(c)),
    };
    const branchSide: Side = {
      db: input.branch,
      table,
      primaryKey,
      exclude: branchColumns.filter((c) => !columns.includes(c)),
    };
    const [before, after] = await Promise.all([
      parentShape ? readRowHashes(parentSide) : new Map<string, string>(),
      branchShape ? readRowHashes(branchSide) : new Map<string, string>(),
    ]);
    const insertedKeys: string[] = [];
    const updatedKeys: string[] = [];
    const deletedKeys: string[] = [];
    for (const [key, hash] of after) {
      const old = before.get(key);
      if (old === undefined) insertedKeys.push(key);
      else if (old !== hash) updatedKeys.push(key);
    }
    for (const key of before.keys()) if (!after.has(key)) deletedKeys.push(key);

    const diff: TableRowDiff = {
      table,
      primaryKey,
      counts: { inserted: insertedKeys.length, updated: updatedKeys.length, deleted: deletedKeys.length },
      inserted: [],
      updated: [],
      deleted: [],
      updatedColumns: {},
      uncomparedColumns,
      ...(parentShape ? {} : { only: "branch" as const }),
      ...(branchShape ? {} : { only: "parent" as const }),
    };
    for (const [key, row] of await readRows(branchSide, insertedKeys.slice(0, limit)))
      diff.inserted.push({ key: JSON.parse(key), row });
    for (const [key, row] of await readRows(parentSide, deletedKeys.slice(0, limit)))
      diff.deleted.push({ key: JSON.parse(key), row });
    const [oldRows, newRows] = await Promise.all([
      readRows(parentSide, updatedKeys),
      readRows(branchSide, updatedKeys),
    ]);
    for (const key of updatedKeys) {
      const beforeRow = oldRows.get(key) ?? {};
      const afterRow = newRows.get(key) ?? {};
      const changed = columns.filter((c) => JSON.stringify(beforeRow[c]) !== JSON.stringify(afterRow[c]));
      for (const c of changed) diff.updatedColumns[c] = (diff.updatedColumns[c] ?? 0) + 1;
      if (diff.updated.length < limit)
        diff.updated.push({ key: JSON.parse(key), columns: changed, before: beforeRow, after: afterRow });
    }
    out.push(diff);
  }
  return out;
}

interface Side {
  db: CatalogReader;
  table: string;
  primaryKey: readonly string[];
  /** Columns of this side that are not compared. */
  exclude: readonly string[];
}

const keyExpression = (primaryKey: readonly string[]) =>
  `jsonb_build_array(${primaryKey.map((c) => `t.${ident(c)}`).join(", ")})::text`;

/** key → md5 of the row's JSON over the compared columns (jsonb text is canonical: keys sorted). */
async function readRowHashes(side: Side): Promise<Map<string, string>> {
  const { rows } = await side.db.query(
    `SELECT ${keyExpression(side.primaryKey)} AS k, md5((to_jsonb(t) - $1::text[])::text) AS h FROM ${qualified(side.table)} t`,
    [side.exclude],
  );
  return new Map(rows.map((r) => [String(r.k), String(r.h)]));
}

/** Full rows (compared columns) for the given keys, read in batches. */
async function readRows(side: Side, keys: readonly string[]): Promise<Map<string, RowJson>> {
  const out = new Map<string, RowJson>();
  for (let start = 0; start < keys.length; start += FETCH_BATCH) {
    const { rows } = await side.db.query(
      `SELECT ${keyExpression(side.primaryKey)} AS k, to_jsonb(t) - $1::text[] AS r FROM ${qualified(side.table)} t
       WHERE ${keyExpression(side.primaryKey)} = ANY($2::text[])`,
      [side.exclude, keys.slice(start, start + FETCH_BATCH)],
    );
    for (const r of rows) out.set(String(r.k), r.r as RowJson);
  }
  return out;
}
