import { SYNC_STATUS_SCHEMA, syncStatusTable } from "./ddl.ts";
import { isSyncedTableState, type SyncedTableState } from "./states.ts";

/** One synced table's status as a kit reads it. */
export interface SyncedTableStatusRead {
  /** The Postgres table, `schema.table`. */
  table: string;
  /** The platform's `detailed_state`; null when no status is recorded or the value is not a platform state. */
  state: SyncedTableState | null;
  lastSyncTime: Date | null;
  message: string | null;
}

/** The statuses of the tables asked for, in that order; or why no status can be read at all. */
export type SyncedStatusRead =
  | { known: true; tables: SyncedTableStatusRead[] }
  | { known: false; reason: string };

/**
 * The port through which kits read synced-table status. The local stack answers from the status
 * table the Synced Tables engine writes (`syncedStatusFromPostgres`); on Databricks an adapter can
 * answer from `GET /api/2.0/postgres/synced_tables/{name}` without a kit changing.
 */
export interface SyncedStatusSource {
  read(tables: readonly string[]): Promise<SyncedStatusRead>;
}

/** What the Postgres adapter needs of a connection. */
export interface SqlQuery {
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

type StatusRow = {
  target_table: string;
  detailed_state: string | null;
  last_sync_time: Date | string | null;
  message: string | null;
};

const UNDEFINED_TABLE = "42P01";

/** Reads status from `<schema>.synced_table_status`; a missing table means "status unknown", not an error. */
export function syncedStatusFromPostgres(db: SqlQuery, schema = SYNC_STATUS_SCHEMA): SyncedStatusSource {
  return {
    async read(tables) {
      let rows: StatusRow[];
      try {
        const result = await db.query<StatusRow>(
          `select target_table, detailed_state, last_sync_time, message from ${syncStatusTable(schema)} where target_table = any($1)`,
          [[...tables]],
        );
        rows = result.rows;
      } catch (error) {
        if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
        return { known: false, reason: `${schema}.synced_table_status does not exist yet` };
      }
      const byTable = new Map(rows.map((row) => [row.target_table, row]));
      return {
        known: true,
        tables: tables.map((table) => {
          const row = byTable.get(table);
          return {
            table,
            state: isSyncedTableState(row?.detailed_state) ? row.detailed_state : null,
            lastSyncTime: row?.last_sync_time ? new Date(row.last_sync_time) : null,
            message: row?.message ?? null,
          };
        }),
      };
    },
  };
}
