import type { Statement, StatementResult } from "@appbase/databricks";
import {
  formatDeltaType,
  parseDeltaType,
  parseTableDeclaration,
  type TableDeclaration,
} from "../column-types.ts";
import { ident } from "../ddl/databricks-sql-text.ts";
import { deltaCreateTable, qualifiedName } from "../ddl/delta-ddl.ts";
import { LakehouseError } from "../errors.ts";
import type {
  ChangeRange,
  ChangeRow,
  ChangeType,
  CommitInfo,
  HistoryEntry,
  Lakehouse,
  MergeOptions,
  ReadOptions,
  TableDescription,
} from "../lakehouse.ts";
import { checkMergeKeys } from "../merge-keys.ts";
import type { Predicate } from "../predicate.ts";
import { parseSchemaName, parseTableName } from "../table-name.ts";
import { resolveTimestamp } from "../time-travel.ts";
import {
  decodeCell,
  encodeRows,
  type Row,
  type RowInput,
  type TypedColumn,
  typedColumns,
} from "../values.ts";
import * as sql from "./databricks-sql.ts";
import { decodeHistory } from "./decode-history.ts";
import { StatementClient, type StatementClientOptions } from "./statement-client.ts";

interface KnownTable {
  description: TableDescription;
  columns: TypedColumn[];
}

/** Decodes result rows by column name with the table's types. */
function decodeResult(table: string, columns: readonly TypedColumn[], result: StatementResult): Row[] {
  const positions = columns.map((c) => result.columns.indexOf(c.name));
  return result.rows.map((cells, r) => {
    const row: Row = {};
    columns.forEach((c, i) => {
      const p = positions[i]!;
      row[c.name] = decodeCell(
        c.parsed,
        p >= 0 ? (cells[p] ?? null) : null,
        `${table} row ${r} column ${c.name}`,
      );
    });
    return row;
  });
}

/**
 * The lakehouse on Databricks: Delta tables in Unity Catalog through a SQL warehouse. Each write is
 * one statement (one Delta commit); its CommitInfo is read back with DESCRIBE HISTORY … LIMIT 1,
 * which names another writer's commit if one lands in between — callers needing an exact version
 * under concurrent writers should read history around their write.
 */
export class DatabricksLakehouse implements Lakehouse {
  private readonly client: StatementClient;
  private readonly known = new Map<string, KnownTable>();

  constructor(options: StatementClientOptions) {
    this.client = new StatementClient(options);
  }

  private run(statement: Statement): Promise<StatementResult> {
    return this.client.execute(statement);
  }

  private async table(table: string): Promise<KnownTable> {
    const name = parseTableName(table).full;
    const cached = this.known.get(name);
    if (cached) return cached;
    const description = await this.describeTable(name);
    if (!description)
      throw new LakehouseError(
        "TABLE_OR_VIEW_NOT_FOUND",
        `The table ${name} does not exist or you lack USE/SELECT on it.`,
      );
    const known = { description, columns: typedColumns(description.columns) };
    this.known.set(name, known);
    return known;
  }

  private async latestCommit(table: string): Promise<CommitInfo> {
    const [entry] = decodeHistory(await this.run(sql.historyStatement(table, 1)));
    if (!entry) throw new LakehouseError("STATEMENT_FAILED", `DESCRIBE HISTORY ${table} returned no rows.`);
    const metrics = Object.fromEntries(
      Object.entries(entry.operationMetrics).map(([k, v]) => [k, Number(v)]),
    );
    return { table, version: entry.version, timestamp: entry.timestamp, operation: entry.operation, metrics };
  }

  private async write(
    table: string,
    rows: readonly RowInput[],
    build: (t: KnownTable, cells: (string | null)[][]) => Statement,
  ): Promise<CommitInfo> {
    const t = await this.table(table);
    const cells = encodeRows(t.description.name, t.columns, rows);
    await this.run(build(t, cells));
    return this.latestCommit(t.description.name);
  }

  async ensureSchema(schema: string): Promise<void> {
    const s = parseSchemaName(schema);
    await this.run({
      statement: `CREATE SCHEMA IF NOT EXISTS ${ident(s.catalog)}.${ident(s.schema)}`,
      parameters: [],
    });
  }

  async createTable(
    table: string,
    declaration: TableDeclaration,
    options: { ifNotExists?: boolean } = {},
  ): Promise<CommitInfo | null> {
    const name = parseTableName(table).full;
    parseTableDeclaration(name, declaration);
    if (options.ifNotExists && (await this.describeTable(name))) return null;
    await this.run({ statement: deltaCreateTable(name, declaration), parameters: [] });
    this.known.delete(name);
    return this.latestCommit(name);
  }

  async dropTable(table: string, options: { ifExists?: boolean } = {}): Promise<void> {
    const name = parseTableName(table).full;
    await this.run({
      statement: `DROP TABLE ${options.ifExists ? "IF EXISTS " : ""}${qualifiedName(name)}`,
      parameters: [],
    });
    this.known.delete(name);
  }

  async describeTable(table: string): Promise<TableDescription | null> {
    const name = parseTableName(table).full;
    const cols = await this.run(sql.columnsStatement(name));
    if (cols.rows.length === 0) return null;
    const columns = cols.rows.map(([colName, type, nullable, comment]) => {
      const parsed = parseDeltaType(type ?? "");
      if (!parsed) {
        throw new LakehouseError(
          "INVALID_DECLARATION",
          `Column ${name}.${colName} has type ${type}, which the lakehouse port does not support.`,
        );
      }
      return {
        name: colName ?? "",
        type: formatDeltaType(parsed),
        nullable: nullable !== "NO",
        ...(comment ? { comment } : {}),
      };
    });
    const pk = await this.run(sql.primaryKeyStatement(name));
    const history = decodeHistory(await this.run(sql.historyStatement(name, 1)));
    return {
      name,
      columns,
      primaryKey: pk.rows.map((r) => r[0] ?? ""),
      comment: null,
      version: history[0]?.version ?? 0,
    };
  }

  async listTables(schema: string): Promise<string[]> {
    const s = parseSchemaName(schema);
    const result = await this.run(sql.listTablesStatement(s.catalog, s.schema));
    return result.rows.map((r) => `${s.full}.${r[0]}`);
  }

  append(table: string, rows: readonly RowInput[]): Promise<CommitInfo> {
    return this.write(table, rows, (t, cells) => sql.appendStatement(t.description.name, t.columns, cells));
  }

  replaceWhere(table: string, where: Predicate, rows: readonly RowInput[]): Promise<CommitInfo> {
    return this.write(table, rows, (t, cells) =>
      sql.replaceWhereStatement(t.description.name, t.columns, where, cells),
    );
  }

  overwrite(table: string, rows: readonly RowInput[]): Promise<CommitInfo> {
    return this.write(table, rows, (t, cells) =>
      sql.overwriteStatement(t.description.name, t.columns, cells),
    );
  }

  merge(table: string, rows: readonly RowInput[], options: MergeOptions = {}): Promise<CommitInfo> {
    return this.write(table, rows, (t, cells) => {
      const keys = checkMergeKeys(
        t.description.name,
        t.columns,
        t.description.primaryKey,
        cells,
        options.keys,
      );
      return sql.mergeStatement(t.description.name, t.columns, keys, cells);
    });
  }

  async delete(table: string, where: Predicate): Promise<CommitInfo> {
    const t = await this.table(table);
    await this.run(sql.deleteStatement(t.description.name, t.columns, where));
    return this.latestCommit(t.description.name);
  }

  async read(table: string, options: ReadOptions = {}): Promise<Row[]> {
    const t = await this.table(table);
    const { statement, columns } = sql.readStatement(t.description.name, t.columns, options);
    return decodeResult(t.description.name, columns, await this.run(statement));
  }

  async changes(table: string, range: ChangeRange): Promise<ChangeRow[]> {
    const t = await this.table(table);
    if (!Number.isInteger(range.fromVersion) || range.fromVersion < 0) {
      throw new LakehouseError(
        "DELTA_VERSION_NOT_FOUND",
        `changes(${t.description.name}): fromVersion must be a non-negative integer, got ${range.fromVersion}.`,
      );
    }
    // table_changes fails when the start is past the latest version; the port answers "no changes yet".
    const latest = (await this.latestCommit(t.description.name)).version;
    if (range.fromVersion > latest) return [];
    const to = Math.min(range.toVersion ?? latest, latest);
    const result = await this.run(
      sql.changesStatement(t.description.name, t.columns, t.description.primaryKey, range.fromVersion, to),
    );
    const rows = decodeResult(t.description.name, t.columns, result);
    const [type, version, ts] = ["_change_type", "_commit_version", "_commit_timestamp"].map((c) =>
      result.columns.indexOf(c),
    ) as number[];
    return rows.map((row, i) => {
      const cells = result.rows[i]!;
      return {
        ...row,
        _change_type: cells[type!] as ChangeType,
        _commit_version: Number(cells[version!]),
        _commit_timestamp: String(decodeCell({ kind: "TIMESTAMP" }, cells[ts!] ?? null, "_commit_timestamp")),
      };
    });
  }

  async history(table: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
    return decodeHistory(await this.run(sql.historyStatement(parseTableName(table).full, options.limit)));
  }

  async versionAsOf(table: string, timestamp: string | Date): Promise<number> {
    const name = parseTableName(table).full;
    return resolveTimestamp(name, await this.history(name), timestamp, { allowAfterLatest: true });
  }

  async close(): Promise<void> {
    this.known.clear();
  }
}
