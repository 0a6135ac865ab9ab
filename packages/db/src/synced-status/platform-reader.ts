import type { SyncedTable } from "@appbase/databricks";
import type { SyncedStatusSource, SyncedTableStatusRead } from "./reader.ts";
import { isSyncedTableState } from "./states.ts";

export interface PlatformSyncedStatusOptions {
  /** `GET /api/2.0/postgres/synced_tables/{catalog}.{schema}.{table}` (`getSyncedTable` of @appbase/databricks). */
  getSyncedTable: (fullName: string) => Promise<SyncedTable>;
  /** The Lakebase catalog the kit's synced tables register in (`syncedTablesCatalogOf` of @appbase/bindings). */
  catalog: string;
  /** How long an answer is reused (default 30 s): pages read status on every render, the platform need not be asked each time. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Synced-table status from the platform, behind the same port kits read locally: a Postgres table
 * `schema.table` is the synced table `{catalog}.{schema}.{table}`. Answers are cached per table for
 * `ttlMs`; a table the platform does not know reads as "no status" with the platform's words; any other
 * failure makes the status unknown (the page says so), and is not cached.
 */
export function syncedStatusFromPlatform(options: PlatformSyncedStatusOptions): SyncedStatusSource {
  const ttlMs = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; read: Promise<SyncedTableStatusRead> }>();

  const readOne = async (table: string): Promise<SyncedTableStatusRead> => {
    try {
      const answer = await options.getSyncedTable(`${options.catalog}.${table}`);
      const status = answer.status;
      return {
        table,
        state: isSyncedTableState(status?.detailed_state) ? status.detailed_state : null,
        lastSyncTime: status?.last_sync_time ? new Date(status.last_sync_time) : null,
        message: status?.message ?? null,
      };
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        return { table, state: null, lastSyncTime: null, message: (error as Error).message };
      }
      throw error;
    }
  };

  const cached = (table: string): Promise<SyncedTableStatusRead> => {
    const hit = cache.get(table);
    if (hit && now() - hit.at < ttlMs) return hit.read;
    const read = readOne(table);
    cache.set(table, { at: now(), read });
    read.catch(() => cache.delete(table));
    return read;
  };

  return {
    async read(tables) {
      try {
        return { known: true, tables: await Promise.all(tables.map(cached)) };
      } catch (error) {
        return {
          known: false,
          reason: `the platform did not answer for the synced tables: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    },
  };
}
