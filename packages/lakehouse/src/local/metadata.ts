import type { DuckDBConnection } from "@duckdb/node-api";
import { type Column, parseTableDeclaration, type TableShape } from "../column-types.ts";
import type { HistoryEntry } from "../lakehouse.ts";

// Bookkeeping lives in a DuckDB schema without a dot, so it can never collide with a mapped
// "catalog.schema" schema.
export const META = "__lakehouse";

/** Creates the bookkeeping tables on first open. */
export async function bootstrapMetadata(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${META}`);
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META}.tables (
    full_name VARCHAR PRIMARY KEY,
    declaration VARCHAR NOT NULL
  )`);
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META}.commits (
    full_name VARCHAR NOT NULL,
    version BIGINT NOT NULL,
    commit_ms BIGINT NOT NULL,
    operation VARCHAR NOT NULL,
    parameters VARCHAR NOT NULL,
    metrics VARCHAR NOT NULL,
    user_name VARCHAR,
    PRIMARY KEY (full_name, version)
  )`);
}

/** Reads a table's stored declaration, or null when the table does not exist. */
export async function loadShape(conn: DuckDBConnection, fullName: string): Promise<TableShape | null> {
  const reader = await conn.runAndReadAll(`SELECT declaration FROM ${META}.tables WHERE full_name = $name`, {
    name: fullName,
  });
  const row = reader.getRowObjectsJson()[0];
  return row ? parseTableDeclaration(fullName, JSON.parse(String(row.declaration))) : null;
}

/** Latest version and its commit time, or null for a table with no commits. */
export async function latestCommit(
  conn: DuckDBConnection,
  fullName: string,
): Promise<{ version: number; ms: number } | null> {
  const reader = await conn.runAndReadAll(
    `SELECT version, commit_ms FROM ${META}.commits WHERE full_name = $name ORDER BY version DESC LIMIT 1`,
    { name: fullName },
  );
  const row = reader.getRowObjectsJson()[0];
  return row ? { version: Number(row.version), ms: Number(row.commit_ms) } : null;
}

/** A commit's row in the log. */
export interface CommitRecord {
  version: number;
  ms: number;
  operation: string;
  parameters: Record<string, string>;
  metrics: Record<string, number>;
  userName: string | null;
}

/** Appends a commit to the log (inside the caller's transaction). */
export async function recordCommit(
  conn: DuckDBConnection,
  fullName: string,
  commit: CommitRecord,
): Promise<void> {
  await conn.run(
    `INSERT INTO ${META}.commits VALUES ($name, $version, $ms, $operation, $parameters, $metrics, $user)`,
    {
      name: fullName,
      version: commit.version,
      ms: commit.ms,
      operation: commit.operation,
      parameters: JSON.stringify(commit.parameters),
      metrics: JSON.stringify(commit.metrics),
      user: commit.userName,
    },
  );
}

/** Rows of `DESCRIBE HISTORY`, newest first. */
export async function loadHistory(
  conn: DuckDBConnection,
  fullName: string,
  limit?: number,
): Promise<HistoryEntry[]> {
  const reader = await conn.runAndReadAll(
    `SELECT version, commit_ms, operation, parameters, metrics, user_name FROM ${META}.commits
     WHERE full_name = $name ORDER BY version DESC ${limit === undefined ? "" : `LIMIT ${Math.max(0, Math.floor(limit))}`}`,
    { name: fullName },
  );
  return reader.getRowObjectsJson().map((r) => {
    const metrics = JSON.parse(String(r.metrics)) as Record<string, number>;
    return {
      version: Number(r.version),
      timestamp: new Date(Number(r.commit_ms)).toISOString(),
      operation: String(r.operation),
      operationParameters: JSON.parse(String(r.parameters)) as Record<string, string>,
      // DESCRIBE HISTORY reports metrics as a map of strings.
      operationMetrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, String(v)])),
      userName: r.user_name === null ? null : String(r.user_name),
    };
  });
}

/** Stored column declarations, as written to the registry. */
export function declarationJson(shape: TableShape): string {
  const columns: Column[] = shape.columns;
  return JSON.stringify({ columns, primaryKey: shape.primaryKey, comment: shape.comment });
}
