import type { ExecuteStatementRequest, StatementPlan } from "./sql-statements.ts";

// The tables an AI Gateway fills for a serving endpoint, and a warehouse that reads them:
// - usage tracking → `system.serving.endpoint_usage` (one row per request: tokens, status, requester)
//   and `system.serving.served_entities` (which endpoint a served entity belongs to);
// - the inference table → `<catalog>.<schema>.<table_name_prefix>_payload` (status, execution time, payloads).
// Column names are the ones Databricks' AI Gateway usage dashboard and the serving system-table reference
// use. The warehouse understands one small SELECT form over them, enough for aggregate reads:
//   SELECT <item AS alias>, … FROM <table> [AS] a
//   [WHERE a.col = :p | a.col >= :p | a.col IN (SELECT col FROM <table> WHERE col = :p), joined by AND]
//   [GROUP BY …] [ORDER BY …]
// with items a.col, date_format(a.col, 'yyyy-MM-dd'), count(*), sum(a.col), max(a.col) and
// percentile_approx(a.col, 0.5). Groups are the non-aggregate items. A column the table lacks fails as
// UNRESOLVED_COLUMN and an unknown table as TABLE_OR_VIEW_NOT_FOUND, so a wrong read cannot pass.

export type UsageRow = Record<string, string | number | boolean | null>;

export const ENDPOINT_USAGE_COLUMNS = [
  "account_id",
  "workspace_id",
  "client_request_id",
  "databricks_request_id",
  "requester",
  "status_code",
  "request_time",
  "input_token_count",
  "output_token_count",
  "input_character_count",
  "output_character_count",
  "usage_context",
  "request_streaming",
  "served_entity_id",
] as const;
export const SERVED_ENTITIES_COLUMNS = [
  "served_entity_id",
  "account_id",
  "workspace_id",
  "created_by",
  "endpoint_name",
  "endpoint_id",
  "served_entity_name",
  "entity_type",
  "entity_name",
  "entity_version",
  "endpoint_config_version",
  "task",
  "change_time",
  "endpoint_delete_time",
] as const;
export const PAYLOAD_COLUMNS = [
  "request_date",
  "databricks_request_id",
  "client_request_id",
  "request_time",
  "status_code",
  "sampling_fraction",
  "execution_duration_ms",
  "request",
  "response",
  "served_entity_id",
  "logging_error_codes",
  "requester",
] as const;

interface Table {
  columns: readonly string[];
  rows: UsageRow[];
}

export interface ServingSystemTables {
  /** Tables by full lower-case name. */
  tables: Map<string, Table>;
  /** Adds a row to a table, creating the table with `columns` the first time. */
  append(table: string, columns: readonly string[], row: UsageRow): void;
  /** Answers one statement over the tables (see the form above). */
  plan(request: ExecuteStatementRequest): StatementPlan;
}

const failed = (errorClass: string, message: string, sqlState: string): StatementPlan => ({
  failed: { error_code: "BAD_REQUEST", message: `[${errorClass}] ${message}`, sql_state: sqlState },
});
const unquote = (name: string) => name.replaceAll("`", "").toLowerCase();

type Item = { alias: string; kind: "key" | "day" | "count" | "sum" | "max" | "p50"; column?: string };
const ITEM =
  /^(?:(count)\(\*\)|(sum|max)\((\w+)\.(\w+)\)|percentile_approx\((\w+)\.(\w+),\s*0\.5\)|date_format\((\w+)\.(\w+),\s*'yyyy-MM-dd'\)|(\w+)\.(\w+))\s+AS\s+(\w+)$/i;

function parseItem(text: string): Item | string {
  const m = ITEM.exec(text.trim());
  if (!m) return `cannot read select item '${text.trim()}'`;
  const alias = (m[11] ?? "").toLowerCase();
  if (m[1]) return { alias, kind: "count" };
  if (m[2]) return { alias, kind: m[2].toLowerCase() as "sum" | "max", column: m[4]?.toLowerCase() };
  if (m[6]) return { alias, kind: "p50", column: m[6].toLowerCase() };
  if (m[8]) return { alias, kind: "day", column: m[8].toLowerCase() };
  return { alias, kind: "key", column: m[10]?.toLowerCase() };
}

/** Splits on commas that are not inside parentheses or quotes. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === "(") depth += 1;
    if (!quoted && ch === ")") depth -= 1;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  return [...out, current];
}

const cell = (value: UsageRow[string] | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

export function servingSystemTables(): ServingSystemTables {
  const tables = new Map<string, Table>();

  const plan = (request: ExecuteStatementRequest): StatementPlan => {
    const sql = request.statement.trim().replace(/;$/, "").replace(/\s+/g, " ");
    const m =
      /^SELECT (.+?) FROM (\S+)(?: AS)? (\w+)(?: WHERE (.+?))?(?: GROUP BY .+?)?(?: ORDER BY .+)?$/i.exec(
        sql,
      );
    if (!m)
      return failed(
        "PARSE_SYNTAX_ERROR",
        `The fake warehouse does not understand: ${sql.slice(0, 200)}`,
        "42601",
      );
    const [, select = "", tableName = "", alias = "", where] = m;
    const table = tables.get(unquote(tableName));
    if (!table)
      return failed("TABLE_OR_VIEW_NOT_FOUND", `The table or view ${tableName} cannot be found.`, "42P01");
    const params = new Map((request.parameters ?? []).map((p) => [p.name, p.value ?? null]));
    const known = (a: string, column: string | undefined): string | undefined => {
      if (a.toLowerCase() !== alias.toLowerCase()) return `unknown alias '${a}'`;
      return column && table.columns.includes(column)
        ? undefined
        : `A column with name \`${column}\` cannot be resolved.`;
    };
    const items = splitTop(select).map(parseItem);
    const bad = items.find((i): i is string => typeof i === "string");
    if (bad) return failed("PARSE_SYNTAX_ERROR", bad, "42601");
    const parsed = items as Item[];
    for (const text of splitTop(select)) {
      const ref = /(\w+)\.(\w+)/.exec(text);
      const problem = ref && known(ref[1] ?? "", ref[2]?.toLowerCase());
      if (problem) return failed("UNRESOLVED_COLUMN.WITH_SUGGESTION", problem, "42703");
    }

    const tests: ((row: UsageRow) => boolean)[] = [];
    for (const clause of where ? where.split(/ AND /i) : []) {
      const c =
        /^(\w+)\.(\w+) (=|>=) :(\w+)$/i.exec(clause.trim()) ??
        /^(\w+)\.(\w+) (IN) \(SELECT (\w+) FROM (\S+) WHERE (\w+) = :(\w+)\)$/i.exec(clause.trim());
      if (!c) return failed("PARSE_SYNTAX_ERROR", `cannot read condition '${clause}'`, "42601");
      const column = (c[2] ?? "").toLowerCase();
      const problem = known(c[1] ?? "", column);
      if (problem) return failed("UNRESOLVED_COLUMN.WITH_SUGGESTION", problem, "42703");
      if (c[3]?.toUpperCase() === "IN") {
        const inner = tables.get(unquote(c[5] ?? ""));
        if (!inner)
          return failed("TABLE_OR_VIEW_NOT_FOUND", `The table or view ${c[5]} cannot be found.`, "42P01");
        const [pick = "", filter = ""] = [(c[4] ?? "").toLowerCase(), (c[6] ?? "").toLowerCase()];
        if (!inner.columns.includes(pick) || !inner.columns.includes(filter))
          return failed(
            "UNRESOLVED_COLUMN.WITH_SUGGESTION",
            `A column of ${c[5]} cannot be resolved.`,
            "42703",
          );
        const wanted = params.get(c[7] ?? "");
        const ids = new Set(inner.rows.filter((r) => cell(r[filter]) === wanted).map((r) => cell(r[pick])));
        tests.push((row) => ids.has(cell(row[column])));
        continue;
      }
      const name = c[4] ?? "";
      if (!params.has(name))
        return failed("UNBOUND_SQL_PARAMETER", `Found the unbound parameter: ${name}.`, "42P02");
      const value = params.get(name) ?? null;
      tests.push(
        c[3] === "="
          ? (row) => cell(row[column]) === value
          : (row) => value !== null && Date.parse(String(row[column])) >= Date.parse(value),
      );
    }

    const rows = table.rows.filter((row) => tests.every((t) => t(row)));
    const keyOf = (row: UsageRow) =>
      JSON.stringify(
        parsed
          .filter((i) => i.kind === "key" || i.kind === "day")
          .map((i) =>
            i.kind === "day" ? String(row[i.column ?? ""]).slice(0, 10) : cell(row[i.column ?? ""]),
          ),
      );
    const groups = new Map<string, UsageRow[]>();
    for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
    const numbers = (group: UsageRow[], column = "") =>
      group.map((r) => r[column]).filter((v): v is number => typeof v === "number");
    const answer = [...groups.values()].map((group) =>
      parsed.map((i) => {
        const first = group[0] as UsageRow;
        const values = numbers(group, i.column);
        switch (i.kind) {
          case "key":
            return cell(first[i.column ?? ""]);
          case "day":
            return String(first[i.column ?? ""]).slice(0, 10);
          case "count":
            return String(group.length);
          case "sum":
            return values.length ? String(values.reduce((a, b) => a + b, 0)) : null;
          case "max":
            return values.length ? String(Math.max(...values)) : null;
          default: {
            // p50: the lower median, as percentile_approx picks an actual value
            const sorted = [...values].sort((a, b) => a - b);
            return sorted.length ? String(sorted[Math.ceil(sorted.length / 2) - 1]) : null;
          }
        }
      }),
    );
    return { columns: parsed.map((i) => i.alias), rows: answer };
  };

  return {
    tables,
    append(name, columns, row) {
      const key = name.toLowerCase();
      const table = tables.get(key) ?? { columns, rows: [] };
      tables.set(key, table);
      table.rows.push(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    },
    plan,
  };
}
