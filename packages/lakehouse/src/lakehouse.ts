import type { Column, TableDeclaration } from "./column-types.ts";
import type { Predicate } from "./predicate.ts";
import type { Row, RowInput } from "./values.ts";

/** Which snapshot of a table to read: a commit version, or the latest commit at or before a timestamp. */
export type AsOf = { version: number } | { timestamp: string | Date };

/** What one write commit produced (one Delta table version). */
export interface CommitInfo {
  table: string;
  version: number;
  /** ISO 8601 UTC commit timestamp. */
  timestamp: string;
  operation: string;
  /** Row counts, named as in Delta's operationMetrics (numOutputRows, numUpdatedRows, …). */
  metrics: Record<string, number>;
}

/** One row of a table's history, newest first, shaped like `DESCRIBE HISTORY`. */
export interface HistoryEntry {
  version: number;
  timestamp: string;
  operation: string;
  operationParameters: Record<string, string>;
  operationMetrics: Record<string, string>;
  userName: string | null;
}

export type ChangeType = "insert" | "update_preimage" | "update_postimage" | "delete";

/** A change data feed row: the table's columns plus the three metadata columns of Delta's table_changes. */
export type ChangeRow = Row & {
  _change_type: ChangeType;
  _commit_version: number;
  _commit_timestamp: string;
};

/** A table as the lakehouse knows it. */
export interface TableDescription {
  name: string;
  columns: Column[];
  primaryKey: string[];
  comment: string | null;
  /** Latest committed version. */
  version: number;
}

export interface ReadOptions {
  where?: Predicate;
  asOf?: AsOf;
  columns?: string[];
  /** Columns to sort by, ascending; append " DESC" to a name to sort descending. */
  orderBy?: string[];
  limit?: number;
  /** Rows to skip first; page with a stable orderBy (e.g. the key). */
  offset?: number;
}

export interface MergeOptions {
  /** Columns that identify a row; defaults to the table's primary key. */
  keys?: string[];
}

/** Range of commit versions for a change feed; both ends inclusive, as in table_changes. */
export interface ChangeRange {
  fromVersion: number;
  toVersion?: number;
}

/**
 * The lakehouse port: Delta tables named catalog.schema.table, versioned commits, time travel, a
 * change data feed and history. Every argument and result is JSON-safe so an HTTP front can carry
 * it unchanged. Adapters: local (embedded DuckDB) and Databricks (SQL Statement Execution API).
 */
export interface Lakehouse {
  /** Creates `catalog.schema` if missing (locally the catalog too; on Databricks the catalog must exist). */
  ensureSchema(schema: string): Promise<void>;
  /** Creates a table with change data feed enabled; its version 0 is the CREATE TABLE commit. */
  createTable(
    table: string,
    declaration: TableDeclaration,
    options?: { ifNotExists?: boolean },
  ): Promise<CommitInfo | null>;
  dropTable(table: string, options?: { ifExists?: boolean }): Promise<void>;
  /** The table's columns, key and latest version, or null when it does not exist. */
  describeTable(table: string): Promise<TableDescription | null>;
  /** Full names of the tables in a schema (`catalog.schema`), sorted. */
  listTables(schema: string): Promise<string[]>;

  append(table: string, rows: readonly RowInput[]): Promise<CommitInfo>;
  /** Atomically deletes the rows matching `where` and inserts `rows`, which must all match `where`. */
  replaceWhere(table: string, where: Predicate, rows: readonly RowInput[]): Promise<CommitInfo>;
  /** Replaces the whole table content in one commit. */
  overwrite(table: string, rows: readonly RowInput[]): Promise<CommitInfo>;
  /** Upserts by key: matched rows are replaced whole, others inserted. Source keys must be unique. */
  merge(table: string, rows: readonly RowInput[], options?: MergeOptions): Promise<CommitInfo>;
  delete(table: string, where: Predicate): Promise<CommitInfo>;

  read(table: string, options?: ReadOptions): Promise<Row[]>;
  /** Row-level changes committed in the version range, ordered by version; empty when fromVersion is past the latest. */
  changes(table: string, range: ChangeRange): Promise<ChangeRow[]>;
  history(table: string, options?: { limit?: number }): Promise<HistoryEntry[]>;
  /** The version that `AS OF timestamp` resolves to: the latest commit at or before it. */
  versionAsOf(table: string, timestamp: string | Date): Promise<number>;

  /**
   * Runs `task` with the lakehouse's resources held open across its operations (the local
   * adapter otherwise releases its file after a short idle gap). Adapters without such
   * resources leave it out; callers then just run the task.
   */
  keepOpen?<T>(task: () => Promise<T>): Promise<T>;

  close(): Promise<void>;
}
