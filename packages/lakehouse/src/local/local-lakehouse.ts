import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parseTableDeclaration, type TableDeclaration, type TableShape } from "../column-types.ts";
import { LakehouseError } from "../errors.ts";
import type {
  AsOf,
  ChangeRange,
  ChangeRow,
  CommitInfo,
  HistoryEntry,
  Lakehouse,
  MergeOptions,
  ReadOptions,
  TableDescription,
} from "../lakehouse.ts";
import { checkMergeKeys } from "../merge-keys.ts";
import type { Predicate } from "../predicate.ts";
import { parseSchemaName, parseTableName, type TableName } from "../table-name.ts";
import { resolveTimestamp } from "../time-travel.ts";
import { encodeRows, type Row, type RowInput, type TypedColumn, typedColumns } from "../values.ts";
import { duckType, physicalName, quote } from "./duckdb-dialect.ts";
import { type FileLockOptions, SharedDuckDbFile } from "./duckdb-file.ts";
import { declarationJson, latestCommit, loadHistory, loadShape, META, recordCommit } from "./metadata.ts";
import { readAtVersion, readChanges } from "./reads.ts";
import { stageRows } from "./staging.ts";
import { checkReplaceWhere, endMatching, insertStaged, mergeStaged, type WriteContext } from "./writes.ts";

export interface LocalLakehouseOptions extends FileLockOptions {
  /** The lakehouse folder, normally `<stateDir>/lakehouse`; created if missing. */
  directory: string;
  /** Recorded as `userName` in table history. */
  userName?: string;
}

interface OpenTable {
  name: TableName;
  physical: string;
  shape: TableShape;
  columns: TypedColumn[];
}

/**
 * Opens (or creates) the local lakehouse in a folder. Several processes may use one folder: the
 * DuckDB file is held only while operations run (and `idleReleaseMs` after), and an operation
 * waits, with backoff, for another process's turn up to `lockTimeoutMs`.
 */
export async function openLocalLakehouse(options: LocalLakehouseOptions): Promise<Lakehouse> {
  mkdirSync(options.directory, { recursive: true });
  const file = SharedDuckDbFile.acquire(path.resolve(options.directory, "lakehouse.duckdb"), options);
  try {
    // Opens once now, so a file that cannot be opened fails here rather than at the first call.
    await file.run(async () => undefined);
  } catch (error) {
    await file.release();
    throw error;
  }
  return new LocalLakehouse(file, options.userName ?? null);
}

class LocalLakehouse implements Lakehouse {
  private readonly shapes = new Map<string, OpenTable>();
  private shapesGeneration = -1;
  private closed = false;
  /** The connection of the operation in progress (operations on a file are serialized). */
  private conn!: DuckDBConnection;

  constructor(
    private readonly file: SharedDuckDbFile,
    private readonly userName: string | null,
  ) {}

  private run<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(
        new LakehouseError("LAKEHOUSE_CLOSED", "The local lakehouse has been closed; open it again."),
      );
    return this.file.run(async (conn) => {
      this.conn = conn;
      // Another process may have changed tables while the file was closed here.
      if (this.shapesGeneration !== this.file.generation) {
        this.shapes.clear();
        this.shapesGeneration = this.file.generation;
      }
      return task();
    });
  }

  private async schemaExists(catalog: string, schema: string): Promise<boolean> {
    const reader = await this.conn.runAndReadAll("SELECT 1 FROM duckdb_schemas() WHERE schema_name = $s", {
      s: `${catalog}.${schema}`,
    });
    return reader.currentRowCount > 0;
  }

  private async open(table: string): Promise<OpenTable> {
    const name = parseTableName(table);
    const cached = this.shapes.get(name.full);
    if (cached) return cached;
    const shape = await loadShape(this.conn, name.full);
    if (!shape) {
      throw new LakehouseError(
        "TABLE_OR_VIEW_NOT_FOUND",
        `The table ${name.full} does not exist; create it with createTable first.`,
      );
    }
    const opened = { name, physical: physicalName(name), shape, columns: typedColumns(shape.columns) };
    this.shapes.set(name.full, opened);
    return opened;
  }

  /** Runs one commit in a transaction: assigns the next version and a strictly increasing timestamp. */
  private async commit(
    t: OpenTable,
    operation: string,
    parameters: Record<string, string>,
    body: (ctx: WriteContext) => Promise<Record<string, number>>,
  ): Promise<CommitInfo> {
    await this.conn.run("BEGIN TRANSACTION");
    try {
      const last = await latestCommit(this.conn, t.name.full);
      const version = last ? last.version + 1 : 0;
      const ms = Math.max(Date.now(), last ? last.ms + 1 : 0);
      const metrics = await body({
        conn: this.conn,
        table: t.name.full,
        physical: t.physical,
        columns: t.columns,
        version,
      });
      await recordCommit(this.conn, t.name.full, {
        version,
        ms,
        operation,
        parameters,
        metrics,
        userName: this.userName,
      });
      await this.conn.run("COMMIT");
      return { table: t.name.full, version, timestamp: new Date(ms).toISOString(), operation, metrics };
    } catch (error) {
      await this.conn.run("ROLLBACK");
      throw error;
    }
  }

  /** Validates and stages rows, runs the commit, and always drops the staging table. */
  private async writeRows(
    table: string,
    rows: readonly RowInput[],
    operation: string,
    parameters: Record<string, string> | ((t: OpenTable) => Record<string, string>),
    body: (
      ctx: WriteContext,
      typedSelect: string,
      t: OpenTable,
      cells: (string | null)[][],
    ) => Promise<Record<string, number>>,
  ): Promise<CommitInfo> {
    return this.run(async () => {
      const t = await this.open(table);
      if (!Array.isArray(rows))
        throw new LakehouseError("INVALID_ROW", `Rows for ${t.name.full} must be an array.`);
      const cells = encodeRows(t.name.full, t.columns, rows);
      const stage = await stageRows(this.conn, t.columns, cells);
      try {
        const params = typeof parameters === "function" ? parameters(t) : parameters;
        return await this.commit(t, operation, params, (ctx) => body(ctx, stage.typedSelect, t, cells));
      } finally {
        await stage.drop();
      }
    });
  }

  ensureSchema(schema: string): Promise<void> {
    return this.run(async () => {
      const s = parseSchemaName(schema);
      await this.conn.run(`CREATE SCHEMA IF NOT EXISTS ${quote(s.full)}`);
    });
  }

  createTable(
    table: string,
    declaration: TableDeclaration,
    options: { ifNotExists?: boolean } = {},
  ): Promise<CommitInfo | null> {
    return this.run(async () => {
      const name = parseTableName(table);
      const shape = parseTableDeclaration(name.full, declaration);
      if (!(await this.schemaExists(name.catalog, name.schema))) {
        throw new LakehouseError(
          "SCHEMA_NOT_FOUND",
          `The schema ${name.catalog}.${name.schema} does not exist; call ensureSchema("${name.catalog}.${name.schema}") first.`,
        );
      }
      if (await loadShape(this.conn, name.full)) {
        if (options.ifNotExists) return null;
        throw new LakehouseError(
          "TABLE_OR_VIEW_ALREADY_EXISTS",
          `The table ${name.full} already exists; drop it first or pass ifNotExists.`,
        );
      }
      const columns = typedColumns(shape.columns);
      const defs = columns.map(
        (c) => `${quote(c.name)} ${duckType(c.parsed)}${c.nullable ? "" : " NOT NULL"}`,
      );
      const t: OpenTable = { name, physical: physicalName(name), shape, columns };
      return this.commit(t, "CREATE TABLE", createParameters(shape), async () => {
        await this.conn.run(
          `CREATE TABLE ${t.physical} (${defs.join(", ")}, __row_id BIGINT NOT NULL, __from_version BIGINT NOT NULL, __to_version BIGINT)`,
        );
        await this.conn.run(`INSERT INTO ${META}.tables VALUES ($name, $decl)`, {
          name: name.full,
          decl: declarationJson(shape),
        });
        this.shapes.delete(name.full);
        return {};
      });
    });
  }

  dropTable(table: string, options: { ifExists?: boolean } = {}): Promise<void> {
    return this.run(async () => {
      const name = parseTableName(table);
      if (!(await loadShape(this.conn, name.full))) {
        if (options.ifExists) return;
        throw new LakehouseError("TABLE_OR_VIEW_NOT_FOUND", `The table ${name.full} does not exist.`);
      }
      await this.conn.run("BEGIN TRANSACTION");
      try {
        await this.conn.run(`DROP TABLE ${physicalName(name)}`);
        await this.conn.run(`DELETE FROM ${META}.tables WHERE full_name = $n`, { n: name.full });
        await this.conn.run(`DELETE FROM ${META}.commits WHERE full_name = $n`, { n: name.full });
        await this.conn.run("COMMIT");
      } catch (error) {
        await this.conn.run("ROLLBACK");
        throw error;
      } finally {
        this.shapes.delete(name.full);
      }
    });
  }

  describeTable(table: string): Promise<TableDescription | null> {
    return this.run(async () => {
      const name = parseTableName(table);
      const shape = await loadShape(this.conn, name.full);
      if (!shape) return null;
      const last = await latestCommit(this.conn, name.full);
      return {
        name: name.full,
        columns: shape.columns,
        primaryKey: shape.primaryKey,
        comment: shape.comment ?? null,
        version: last?.version ?? 0,
      };
    });
  }

  listTables(schema: string): Promise<string[]> {
    return this.run(async () => {
      const s = parseSchemaName(schema);
      const reader = await this.conn.runAndReadAll(
        `SELECT full_name FROM ${META}.tables WHERE full_name LIKE $prefix ESCAPE '\\' ORDER BY full_name`,
        {
          prefix: `${s.full.replaceAll("_", "\\_")}.%`,
        },
      );
      return reader.getRowObjectsJson().map((r) => String(r.full_name));
    });
  }

  append(table: string, rows: readonly RowInput[]): Promise<CommitInfo> {
    return this.writeRows(table, rows, "WRITE", { mode: "Append", partitionBy: "[]" }, async (ctx, sel) => ({
      numOutputRows: await insertStaged(ctx, sel),
    }));
  }

  replaceWhere(table: string, where: Predicate, rows: readonly RowInput[]): Promise<CommitInfo> {
    return this.writeRows(
      table,
      rows,
      "WRITE",
      { mode: "Overwrite", partitionBy: "[]", predicate: JSON.stringify(where) },
      async (ctx, sel) => {
        await checkReplaceWhere(ctx, sel, where);
        const numDeletedRows = await endMatching(ctx, where);
        return { numOutputRows: await insertStaged(ctx, sel), numDeletedRows };
      },
    );
  }

  overwrite(table: string, rows: readonly RowInput[]): Promise<CommitInfo> {
    return this.writeRows(
      table,
      rows,
      "WRITE",
      { mode: "Overwrite", partitionBy: "[]" },
      async (ctx, sel) => {
        const numDeletedRows = await endMatching(ctx);
        return { numOutputRows: await insertStaged(ctx, sel), numDeletedRows };
      },
    );
  }

  merge(table: string, rows: readonly RowInput[], options: MergeOptions = {}): Promise<CommitInfo> {
    const keysOf = (t: OpenTable) => (options.keys?.length ? options.keys : t.shape.primaryKey);
    const parameters = (t: OpenTable) => ({
      predicate: JSON.stringify(keysOf(t).map((k) => `t.${k} = s.${k}`)),
    });
    return this.writeRows(table, rows, "MERGE", parameters, async (ctx, sel, t, cells) => {
      const keys = checkMergeKeys(t.name.full, t.columns, t.shape.primaryKey, cells, options.keys);
      const { updated, inserted } = await mergeStaged(ctx, sel, keys);
      return {
        numSourceRows: cells.length,
        numTargetRowsUpdated: updated,
        numTargetRowsInserted: inserted,
        numOutputRows: updated + inserted,
      };
    });
  }

  delete(table: string, where: Predicate): Promise<CommitInfo> {
    return this.run(async () => {
      const t = await this.open(table);
      return this.commit(t, "DELETE", { predicate: JSON.stringify(where) }, async (ctx) => ({
        numDeletedRows: await endMatching(ctx, where),
      }));
    });
  }

  read(table: string, options: ReadOptions = {}): Promise<Row[]> {
    return this.run(async () => {
      const t = await this.open(table);
      const version = await this.resolve(t, options.asOf);
      return readAtVersion(this.conn, t.name.full, t.physical, t.columns, version, options);
    });
  }

  private async resolve(t: OpenTable, asOf?: AsOf): Promise<number | "latest"> {
    // Only time travel needs the commit log.
    if (!asOf) return "latest";
    const history = await loadHistory(this.conn, t.name.full);
    const latest = history[0]?.version ?? 0;
    if ("version" in asOf) {
      if (!Number.isInteger(asOf.version) || asOf.version < 0 || asOf.version > latest) {
        throw new LakehouseError(
          "DELTA_VERSION_NOT_FOUND",
          `Cannot time travel ${t.name.full} to version ${asOf.version}: available versions are 0 to ${latest}.`,
        );
      }
      return asOf.version;
    }
    return resolveTimestamp(t.name.full, history, asOf.timestamp, { allowAfterLatest: false });
  }

  changes(table: string, range: ChangeRange): Promise<ChangeRow[]> {
    return this.run(async () => {
      const t = await this.open(table);
      const last = await latestCommit(this.conn, t.name.full);
      const latest = last?.version ?? 0;
      if (!Number.isInteger(range.fromVersion) || range.fromVersion < 0) {
        throw new LakehouseError(
          "DELTA_VERSION_NOT_FOUND",
          `changes(${t.name.full}): fromVersion must be a non-negative integer, got ${range.fromVersion}.`,
        );
      }
      if (range.fromVersion > latest) return [];
      const to = Math.min(range.toVersion ?? latest, latest);
      return readChanges(this.conn, t.name.full, t.physical, t.columns, range.fromVersion, to);
    });
  }

  history(table: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
    return this.run(async () => {
      const t = await this.open(table);
      return loadHistory(this.conn, t.name.full, options.limit);
    });
  }

  versionAsOf(table: string, timestamp: string | Date): Promise<number> {
    return this.run(async () => {
      const t = await this.open(table);
      return resolveTimestamp(t.name.full, await loadHistory(this.conn, t.name.full), timestamp, {
        allowAfterLatest: true,
      });
    });
  }

  keepOpen<T>(task: () => Promise<T>): Promise<T> {
    return this.file.hold(task);
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.file.release();
  }
}

function createParameters(shape: TableShape): Record<string, string> {
  return {
    isManaged: "true",
    description: shape.comment ?? "",
    partitionBy: "[]",
    properties: JSON.stringify({ "delta.enableChangeDataFeed": "true" }),
  };
}
