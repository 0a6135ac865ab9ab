import {
  classifyFreshness,
  type Freshness,
  isSyncBroken,
  type SyncedStatusSource,
  type SyncedTableState,
} from "@appbase/db/synced-status";
import { SYNC_TARGET, SYNCED_TABLES } from "./targets.ts";

/** One synced table's state as the page shows it. */
export interface TableSync {
  table: string;
  /** The platform's `detailed_state`, or null when none is recorded. */
  state: SyncedTableState | null;
  lastSyncTime: Date | null;
  freshness: Freshness;
  /** Offline or its pipeline failed: the rows are the last ones synced. */
  broken: boolean;
}

/** The whole sync, summarised for the page banner and the masked-safe fallback decision. */
export interface SyncHealth {
  tables: TableSync[];
  /** `ok`: all fresh; `behind`: some stale; `fallback`: expired, failed or unknown → last known values, masked. */
  level: "ok" | "behind" | "fallback";
  /** Why no status could be read at all; null when it could. */
  unknownReason: string | null;
}

/**
 * Summarises the synced customer tables' status from `source` (the kit's one reader of synced-table
 * status). No status at all counts as an expired sync (fallback), never as an error page.
 */
export async function readSyncHealth(source: SyncedStatusSource, now = new Date()): Promise<SyncHealth> {
  const read = await source.read(SYNCED_TABLES);
  const statuses = read.known ? read.tables : [];
  const tables = SYNCED_TABLES.map((table): TableSync => {
    const status = statuses.find((s) => s.table === table);
    const lastSyncTime = status?.lastSyncTime ?? null;
    const state = status?.state ?? null;
    return {
      table,
      state,
      lastSyncTime,
      freshness: classifyFreshness(lastSyncTime, now, SYNC_TARGET),
      broken: state !== null && isSyncBroken(state),
    };
  });
  const fallback = !read.known || tables.some((t) => t.broken || t.freshness.state === "expired");
  const behind = tables.some((t) => t.freshness.state !== "fresh");
  return {
    tables,
    level: fallback ? "fallback" : behind ? "behind" : "ok",
    unknownReason: read.known ? null : `Sync status is unknown: ${read.reason}.`,
  };
}
