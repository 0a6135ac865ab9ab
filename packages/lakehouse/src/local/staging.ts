import type { DuckDBConnection } from "@duckdb/node-api";
import type { TypedColumn } from "../values.ts";
import { duckType, quote } from "./duckdb-dialect.ts";

let counter = 0;

/**
 * Loads validated text cells into a temporary VARCHAR table with DuckDB's appender (far faster than
 * INSERT batches) and returns its name and a SELECT that casts each cell to its column type. The
 * staging happens before the commit's transaction opens, so the transaction writes one database only.
 */
export async function stageRows(
  conn: DuckDBConnection,
  columns: readonly TypedColumn[],
  cells: readonly (string | null)[][],
): Promise<{ table: string; typedSelect: string; drop: () => Promise<void> }> {
  counter += 1;
  const name = `__stage_${counter}`;
  const defs = columns.map((c) => `${quote(c.name)} VARCHAR`).join(", ");
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${name} (${defs}, __src_idx INTEGER)`);
  const appender = await conn.createAppender(name, "main", "temp");
  try {
    cells.forEach((row, i) => {
      for (const cell of row) {
        if (cell === null) appender.appendNull();
        else appender.appendVarchar(cell);
      }
      appender.appendInteger(i);
      appender.endRow();
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const casts = columns
    .map((c) => `CAST(${quote(c.name)} AS ${duckType(c.parsed)}) AS ${quote(c.name)}`)
    .join(", ");
  return {
    table: `temp.main.${name}`,
    typedSelect: `SELECT ${casts}, __src_idx FROM temp.main.${name}`,
    drop: async () => {
      await conn.run(`DROP TABLE IF EXISTS temp.main.${name}`);
    },
  };
}
