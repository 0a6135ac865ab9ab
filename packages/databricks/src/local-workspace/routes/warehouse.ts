import type { FileRoutes } from "./files.ts";
import {
  type ExecuteStatementRequest,
  type SqlStatementRoutes,
  type StatementPlan,
  sqlStatementRoutes,
} from "./sql-statements.ts";

// A SQL warehouse that understands the few statements `appbase data land` sends, enough to assert
// what they leave in Unity Catalog: CREATE SCHEMA / CREATE VOLUME IF NOT EXISTS, CREATE OR REPLACE
// TABLE … AS SELECT <columns> FROM read_files('<volume dir>', format => 'json', schema => '…'), and
// SELECT COUNT(*). read_files reads every file under the directory (recursively, as the platform's
// file discovery does), one JSON object per line, and keeps only the schema's columns; a missing key
// is NULL. Anything else FAILS with a parse error, so a statement the fake does not know cannot pass
// silently. Failures are HTTP 200 with state FAILED (api-shapes §1.5); the bracketed error classes and
// SQLSTATEs follow Databricks' error-class reference and are not in the api-shapes (UNCONFIRMED).

/** A table the warehouse holds: its declared columns and its rows (column → JSON value). */
export interface WarehouseTable {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
  /** How many times CREATE OR REPLACE created it. */
  replaced: number;
}

export interface WarehouseRoutes extends SqlStatementRoutes {
  /** Tables by full name `catalog.schema.table` (names lower-cased, as Unity Catalog stores them). */
  tables: Map<string, WarehouseTable>;
  /** Schemas by full name `catalog.schema`. */
  schemas: Set<string>;
}

const IDENT = "`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*)";
const name3 = new RegExp(`^(?:${IDENT})\\.(?:${IDENT})\\.(?:${IDENT})$`);
const name2 = new RegExp(`^(?:${IDENT})\\.(?:${IDENT})$`);

function parts(text: string, pattern: RegExp): string[] | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const out: string[] = [];
  for (let i = 1; i < match.length; i += 2) out.push((match[i] ?? match[i + 1] ?? "").toLowerCase());
  return out;
}

function failed(errorClass: string, message: string, sqlState: string): StatementPlan {
  return {
    failed: { error_code: "BAD_REQUEST", message: `[${errorClass}] ${message}`, sql_state: sqlState },
  };
}

/** `a STRING, b DECIMAL(12,2)` → columns; commas inside parentheses stay with their type. */
function parseSchema(text: string): { name: string; type: string }[] {
  const columns: { name: string; type: string }[] = [];
  let depth = 0;
  let current = "";
  for (const ch of `${text},`) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === "," && depth === 0) {
      const match = /^\s*(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))\s+(.+?)\s*$/.exec(current);
      if (!match) throw new Error(`cannot parse schema column '${current.trim()}'`);
      columns.push({
        name: (match[1] ?? match[2] ?? "").toLowerCase(),
        type: (match[3] ?? "").toUpperCase(),
      });
      current = "";
    } else {
      current += ch;
    }
  }
  return columns;
}

/** The SQL string literal's value (backslash escapes and ''). */
function literal(text: string): string {
  return text.slice(1, -1).replace(/''/g, "'").replace(/\\(.)/g, "$1");
}

/**
 * The statements routes of a warehouse backed by `files` (the volumes read_files reads). `catalogs`
 * are the catalogs that exist in the metastore; CREATE SCHEMA in any other fails as on the platform.
 */
export function warehouseRoutes(options: {
  files: FileRoutes;
  catalogs: readonly string[];
}): WarehouseRoutes {
  const catalogs = new Set(options.catalogs.map((c) => c.toLowerCase()));
  const schemas = new Set<string>();
  const tables = new Map<string, WarehouseTable>();

  const missingSchema = (catalog: string, schema: string): StatementPlan | undefined => {
    if (!catalogs.has(catalog))
      return failed("NO_SUCH_CATALOG_EXCEPTION", `Catalog '${catalog}' was not found.`, "42704");
    if (!schemas.has(`${catalog}.${schema}`))
      return failed("SCHEMA_NOT_FOUND", `The schema \`${catalog}\`.\`${schema}\` cannot be found.`, "42704");
    return undefined;
  };

  const readFiles = (path: string, schema: { name: string; type: string }[]): Record<string, unknown>[] => {
    const prefix = `${path.replace(/\/$/, "")}/`;
    const files = options.files.paths().filter((p) => p.startsWith(prefix) || p === path);
    if (files.length === 0)
      throw Object.assign(new Error(`Path does not exist: ${path}.`), { notFound: true });
    const rows: Record<string, unknown>[] = [];
    for (const file of files) {
      const text = options.files.file(file)?.toString("utf8") ?? "";
      for (const line of text.split("\n")) {
        if (line.trim() === "") continue;
        const value = JSON.parse(line) as Record<string, unknown>;
        rows.push(Object.fromEntries(schema.map((c) => [c.name, value[c.name] ?? null])));
      }
    }
    return rows;
  };

  const ctas =
    /^CREATE\s+OR\s+REPLACE\s+TABLE\s+(\S+)\s+AS\s+SELECT\s+([\s\S]+?)\s+FROM\s+read_files\(\s*('(?:[^'\\]|\\.|'')*')\s*,\s*format\s*=>\s*'json'\s*,\s*schema\s*=>\s*('(?:[^'\\]|\\.|'')*')\s*\)$/i;

  const plan = (request: ExecuteStatementRequest): StatementPlan => {
    const sql = request.statement.trim().replace(/;$/, "");
    let m = /^CREATE\s+SCHEMA\s+IF\s+NOT\s+EXISTS\s+(\S+)$/i.exec(sql);
    if (m) {
      const [catalog = "", schema = ""] = parts(m[1] ?? "", name2) ?? [];
      if (!catalog) return failed("PARSE_SYNTAX_ERROR", `Syntax error at or near '${m[1]}'.`, "42601");
      if (!catalogs.has(catalog))
        return failed("NO_SUCH_CATALOG_EXCEPTION", `Catalog '${catalog}' was not found.`, "42704");
      schemas.add(`${catalog}.${schema}`);
      return {};
    }
    m = /^CREATE\s+VOLUME\s+IF\s+NOT\s+EXISTS\s+(\S+)$/i.exec(sql);
    if (m) {
      const [catalog = "", schema = "", volume = ""] = parts(m[1] ?? "", name3) ?? [];
      if (!catalog) return failed("PARSE_SYNTAX_ERROR", `Syntax error at or near '${m[1]}'.`, "42601");
      const missing = missingSchema(catalog, schema);
      if (missing) return missing;
      options.files.addVolume(`${catalog}.${schema}.${volume}`);
      return {};
    }
    m = ctas.exec(sql);
    if (m) {
      const [catalog = "", schema = "", table = ""] = parts(m[1] ?? "", name3) ?? [];
      if (!catalog) return failed("PARSE_SYNTAX_ERROR", `Syntax error at or near '${m[1]}'.`, "42601");
      const missing = missingSchema(catalog, schema);
      if (missing) return missing;
      let declared: { name: string; type: string }[];
      try {
        declared = parseSchema(literal(m[4] ?? "''"));
      } catch (error) {
        return failed("PARSE_SYNTAX_ERROR", (error as Error).message, "42601");
      }
      const selected = (m[2] ?? "").split(",").map((c) => c.trim().replace(/^`|`$/g, "").toLowerCase());
      const unknown = selected.find((c) => !declared.some((d) => d.name === c));
      if (unknown)
        return failed(
          "UNRESOLVED_COLUMN.WITH_SUGGESTION",
          `A column with name \`${unknown}\` cannot be resolved.`,
          "42703",
        );
      let rows: Record<string, unknown>[];
      try {
        rows = readFiles(literal(m[3] ?? "''"), declared);
      } catch (error) {
        if ((error as { notFound?: boolean }).notFound)
          return failed("PATH_NOT_FOUND", (error as Error).message, "42K03");
        return failed("MALFORMED_RECORD_IN_PARSING", (error as Error).message, "22023");
      }
      const full = `${catalog}.${schema}.${table}`;
      const columns = selected.map(
        (c) => declared.find((d) => d.name === c) as { name: string; type: string },
      );
      tables.set(full, {
        columns,
        rows: rows.map((r) => Object.fromEntries(selected.map((c) => [c, r[c]]))),
        replaced: (tables.get(full)?.replaced ?? 0) + 1,
      });
      return {};
    }
    m = /^SELECT\s+COUNT\(\*\)\s+AS\s+(\w+)\s+FROM\s+(\S+)$/i.exec(sql);
    if (m) {
      const [catalog = "", schema = "", table = ""] = parts(m[2] ?? "", name3) ?? [];
      const stored = tables.get(`${catalog}.${schema}.${table}`);
      if (!stored)
        return failed(
          "TABLE_OR_VIEW_NOT_FOUND",
          `The table or view \`${catalog}\`.\`${schema}\`.\`${table}\` cannot be found.`,
          "42P01",
        );
      return {
        columns: [{ name: m[1] ?? "n", type_name: "LONG", type_text: "BIGINT" }],
        rows: [[String(stored.rows.length)]],
      };
    }
    return failed(
      "PARSE_SYNTAX_ERROR",
      `The fake warehouse does not understand: ${sql.slice(0, 200)}`,
      "42601",
    );
  };

  return { ...sqlStatementRoutes(plan), tables, schemas };
}
