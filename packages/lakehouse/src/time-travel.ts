import { LakehouseError } from "./errors.ts";
import type { HistoryEntry } from "./lakehouse.ts";

/**
 * Resolves a timestamp to the latest version committed at or before it, from history (newest
 * first). Before the first commit is an error, as in Delta. After the latest commit is an error for
 * `TIMESTAMP AS OF` reads (Delta's DELTA_TIMESTAMP_GREATER_THAN_COMMIT) but resolves to the latest
 * version when asking "which version was current then".
 */
export function resolveTimestamp(
  table: string,
  history: readonly HistoryEntry[],
  timestamp: string | Date,
  options: { allowAfterLatest: boolean },
): number {
  const at = timestamp instanceof Date ? timestamp : new Date(timestamp);
  if (Number.isNaN(at.getTime())) {
    throw new LakehouseError(
      "DELTA_TIMESTAMP_OUT_OF_RANGE",
      `AS OF timestamp for ${table} must be a Date or an ISO 8601 string, got ${JSON.stringify(timestamp)}.`,
    );
  }
  const ms = at.getTime();
  const newest = history[0];
  const oldest = history[history.length - 1];
  if (!newest || !oldest || ms < Date.parse(oldest.timestamp)) {
    throw new LakehouseError(
      "DELTA_TIMESTAMP_OUT_OF_RANGE",
      `The timestamp ${at.toISOString()} is before the earliest version of ${table}${oldest ? ` (${oldest.timestamp})` : ""}; use a later timestamp.`,
    );
  }
  if (ms > Date.parse(newest.timestamp) && !options.allowAfterLatest) {
    throw new LakehouseError(
      "DELTA_TIMESTAMP_OUT_OF_RANGE",
      `The timestamp ${at.toISOString()} is after the latest version of ${table} (${newest.timestamp}); use a timestamp at or before it, or read without asOf.`,
    );
  }
  const hit = history.find((h) => Date.parse(h.timestamp) <= ms);
  return hit!.version;
}
