import { classifyFreshness, type Freshness } from "@appbase/ui/badges";
import type { Queryable } from "../../db/queryable.ts";
import { SYNC_TARGET, SYNCED_TABLES } from "./targets.ts";

/** One synced table's state as the page shows it. */
export interface TableSync {
  table: string;
  /** Platform `detailed_state` (e.g. SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE, SYNCED_TABLE_OFFLINE_FAILED) or null when unknown. */
  state: string | null;
  lastSyncTime: Date | null;
  freshness: Freshness;
}

/** The whole sync, summarised for the page banner and the masked-safe fallback decision. */
export interface SyncHealth {
  tables: TableSync[];
  /** `ok`: all fresh; `behind`: some stale; `fallback`: expired, failed or unknown → last known values, masked. */
  level: "ok" | "behind" | "fallback";
  /** Why the level is not ok, for the banner; empty when ok. */
  reasons: string[];
}

const FAILED_STATE = /FAILED|OFFLINE/;

/**
 * Reads `appbase_meta.synced_table_status` — the Synced Tables engine's status table, one row per
 * synced table with the platform's `detailed_state` and `last_sync_time` — defensively: a missing table or row means "sync status unknown",
 * which is treated like an expired sync (fallback), never as an error page.
 */
export async function readSyncHealth(db: Queryable, now = new Date()): Promise<SyncHealth> {
  let rows: { target_table: string; detailed_state: string | null; last_sync_time: Date | null }[] = [];
  let unknownReason: string | undefined;
  try {
    const result = await db.query<{
      target_table: string;
      detailed_state: string | null;
      last_sync_time: Date | null;
    }>(
      "select target_table, detailed_state, last_sync_time from appbase_meta.synced_table_status where target_table = any($1)",
      [SYNCED_TABLES],
    );
    rows = result.rows;
  } catch (error) {
    if ((error as { code?: string }).code !== "42P01") throw error;
    unknownReason = "Sync status is unknown: appbase_meta.synced_table_status does not exist yet.";
  }
  const tables = SYNCED_TABLES.map((table): TableSync => {
    const row = rows.find((r) => r.target_table === table);
    const lastSyncTime = row?.last_sync_time ? new Date(row.last_sync_time) : null;
    return {
      table,
      state: row?.detailed_state ?? null,
      lastSyncTime,
      freshness: classifyFreshness({ at: lastSyncTime, now, ...SYNC_TARGET }),
    };
  });
  const reasons: string[] = unknownReason ? [unknownReason] : [];
  for (const t of tables) {
    if (unknownReason) break;
    if (!t.lastSyncTime) reasons.push(`${t.table}: sync status unknown (no status row).`);
    else if (t.state && FAILED_STATE.test(t.state))
      reasons.push(`${t.table}: sync ${t.state}, last synced ${t.freshness.ageText}.`);
    else if (t.freshness.state !== "fresh") reasons.push(`${t.table}: last synced ${t.freshness.ageText}.`);
  }
  const fallback =
    unknownReason !== undefined ||
    tables.some((t) => t.freshness.state === "expired" || (t.state !== null && FAILED_STATE.test(t.state)));
  const level = fallback ? "fallback" : reasons.length > 0 ? "behind" : "ok";
  return { tables, level, reasons };
}
