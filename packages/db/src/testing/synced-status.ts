import { SYNC_STATUS_SCHEMA, syncStatusDdl, syncStatusTable } from "../synced-status/ddl.ts";
import type { SqlQuery } from "../synced-status/reader.ts";
import type { SyncedTableState } from "../synced-status/states.ts";

export interface SyncStatusFixture {
  /** Postgres tables, `schema.table`; each gets the same status. */
  tables: readonly string[];
  /** How long ago the last sync was. Default 0 (just now). */
  minutesAgo?: number;
  /** Default SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE. */
  state?: SyncedTableState;
  /** The status table's schema. Default appbase_meta. */
  schema?: string;
}

/**
 * Records a status for synced tables as the Synced Tables engine would (tests and local fixtures
 * only), creating the status table with its one DDL first, so tests can make a sync fresh, late or
 * failed without running the engine.
 */
export async function setSyncedTableStatus(db: SqlQuery, fixture: SyncStatusFixture): Promise<void> {
  const schema = fixture.schema ?? SYNC_STATUS_SCHEMA;
  for (const statement of syncStatusDdl(schema)) await db.query(statement);
  for (const table of fixture.tables) {
    await db.query(
      `insert into ${syncStatusTable(schema)} (target_table, source_table, detailed_state, last_sync_time, last_processed_commit_version)
       values ($1, $2, $3, now() - make_interval(mins => $4), 1)
       on conflict (target_table) do update set detailed_state = excluded.detailed_state, last_sync_time = excluded.last_sync_time`,
      [
        table,
        `main.${table}`,
        fixture.state ?? "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE",
        fixture.minutesAgo ?? 0,
      ],
    );
  }
}
