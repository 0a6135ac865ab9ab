import type { StatementResult } from "@appbase/databricks";
import type { HistoryEntry } from "../lakehouse.ts";

// DESCRIBE HISTORY returns maps (operationParameters, operationMetrics); in JSON_ARRAY results
// complex values arrive as JSON text. Anything else is kept out rather than guessed at.
function parseMap(text: string | null | undefined): Record<string, string> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      );
    }
  } catch {
    // not JSON: fall through
  }
  return {};
}

function instant(text: string | null | undefined): string {
  if (!text) return "";
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text.replace(" ", "T")}Z`;
  const d = new Date(zoned);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** Maps a DESCRIBE HISTORY result to history entries, by column name. */
export function decodeHistory(result: StatementResult): HistoryEntry[] {
  const at = (name: string) => result.columns.indexOf(name);
  const [v, ts, op, params, metrics, user] = [
    "version",
    "timestamp",
    "operation",
    "operationParameters",
    "operationMetrics",
    "userName",
  ].map(at) as number[];
  return result.rows.map((row) => ({
    version: Number(row[v!]),
    timestamp: instant(row[ts!]),
    operation: row[op!] ?? "",
    operationParameters: parseMap(row[params!]),
    operationMetrics: parseMap(row[metrics!]),
    userName: user! >= 0 ? (row[user!] ?? null) : null,
  }));
}
