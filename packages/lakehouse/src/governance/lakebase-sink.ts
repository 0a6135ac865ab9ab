import type { Row } from "../values.ts";
import type { GovernedTable } from "./governed-table.ts";
import type { GovernanceClient, GovernanceSql } from "./sql.ts";

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The Lakebase upsert: rows travel as one JSON parameter typed by the table itself
 * (json_populate_recordset), so any column type Postgres can parse from text works. Guarded, an
 * older or equal version never overwrites a newer one, which makes replays of an event no-ops.
 */
export function upsertSql(table: GovernedTable, options: { guarded: boolean }): string {
  const cols = table.columns.map(quote).join(", ");
  const keys = new Set(table.key);
  const set = table.columns
    .filter((c) => !keys.has(c))
    .map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`)
    .join(", ");
  const v = quote(table.versionColumn);
  const guard = options.guarded ? ` WHERE EXCLUDED.${v} > t.${v}` : "";
  return `INSERT INTO ${table.lakebaseName} AS t (${cols})
    SELECT ${cols} FROM json_populate_recordset(NULL::${table.lakebaseName}, $1::json)
    ON CONFLICT (${table.key.map(quote).join(", ")}) DO UPDATE SET ${set}${guard}`;
}

/** Only the Lakebase columns of silver rows, in key order (a stable lock order across writers). */
export function lakebaseRows(table: GovernedTable, rows: readonly Row[]): Row[] {
  const picked = rows.map((r) => Object.fromEntries(table.columns.map((c) => [c, r[c] ?? null])) as Row);
  const id = (r: Row) => JSON.stringify(table.key.map((k) => r[k]));
  return picked.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/** A Lakebase upsert held open until silver's outcome is known. */
export interface StagedUpsert {
  /** Commits; false when the upsert or the commit failed (the outbox will retry it). */
  commit(): Promise<boolean>;
  rollback(): Promise<void>;
  error: unknown;
}

/**
 * Runs the upsert in a transaction and keeps it open: it works in parallel with the silver merge
 * but becomes visible only if silver commits, so a failed silver write leaves Lakebase unchanged.
 * `alongside` runs in the same transaction after the upsert (the outbox's settle statement).
 */
export async function stageUpsert(
  db: GovernanceSql,
  table: GovernedTable,
  rows: readonly Row[],
  fault?: () => void | Promise<void>,
  alongside?: { text: string; values: unknown[] },
): Promise<StagedUpsert> {
  let client: GovernanceClient | undefined;
  const failed = (error: unknown): StagedUpsert => ({
    error,
    commit: async () => false,
    rollback: async () => undefined,
  });
  try {
    await fault?.();
    client = await db.connect();
    await client.query("BEGIN");
    await client.query(upsertSql(table, { guarded: true }), [JSON.stringify(lakebaseRows(table, rows))]);
    if (alongside) await client.query(alongside.text, alongside.values);
  } catch (error) {
    if (client) {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
    }
    return failed(error);
  }
  const held = client;
  let error: unknown = null;
  return {
    get error() {
      return error;
    },
    async commit() {
      try {
        await held.query("COMMIT");
        held.release();
        return true;
      } catch (e) {
        error = e;
        held.release(true);
        return false;
      }
    },
    async rollback() {
      await held.query("ROLLBACK").catch(() => undefined);
      held.release();
    },
  };
}

/** Upserts rows in one statement (the outbox drain and reconcile); `guarded: false` lets silver win outright. */
export async function upsertNow(
  db: Pick<GovernanceSql, "query">,
  table: GovernedTable,
  rows: readonly Row[],
  options: { guarded: boolean; fault?: () => void | Promise<void> },
): Promise<void> {
  await options.fault?.();
  if (rows.length === 0) return;
  await db.query(upsertSql(table, options), [JSON.stringify(lakebaseRows(table, rows))]);
}
