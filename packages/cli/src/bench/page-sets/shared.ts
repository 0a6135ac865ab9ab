import type { DbPool } from "@appbase/db";
import { CliError } from "../../repo.ts";

/** Runs `sql` (with $1 = first row, $2 = last row) over 1..rows in batches, logging progress. */
export async function loadInBatches(
  db: DbPool,
  rows: number,
  sql: string,
  log: (line: string) => void,
  batch = 100_000,
): Promise<void> {
  for (let first = 1; first <= rows; first += batch) {
    const last = Math.min(rows, first + batch - 1);
    await db.pool.query(sql, [first, last]);
    log(`${last.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} rows`);
  }
}

/** A row count as people read it (1,000,000). */
export const count = (n: number) => n.toLocaleString("en-US");

/** The `after` cursor of a rendered list page's "Next page" link. */
export function nextCursorIn(html: string, path: string): string {
  const token = /href="[^"]*[?;&]after=([A-Za-z0-9_-]+)[^"]*" aria-label="Next page"/.exec(html)?.[1];
  if (!token) throw new CliError(`${path} shows no next page to time.`);
  return token;
}
