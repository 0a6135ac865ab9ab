import {
  isSyncedTableState,
  type SyncedTableState,
  syncStatusDdl,
  syncStatusTable,
} from "@appbase/db/synced-status";
import type { SqlRunner } from "./sync-postgres.ts";

export type { SyncedTableState };

/** A synced table's status, with the platform's field names so the local HTTP API can return it as is. */
export interface SyncedTableStatus {
  name: string;
  source_table_full_name: string;
  scheduling_policy: string;
  detailed_state: SyncedTableState;
  /** ISO 8601, or null before the first sync. */
  last_sync_time: string | null;
  last_processed_commit_version: number | null;
  message: string | null;
}

/**
 * Sync progress lives in the target Postgres, next to the data: the rows and the new
 * last_processed_commit_version commit in one transaction, so a restart resumes exactly where the
 * last committed sync stopped — no duplicates, no gaps.
 */
export class StatusStore {
  private readonly table: string;

  constructor(
    private readonly pool: SqlRunner,
    private readonly schema: string,
  ) {
    this.table = syncStatusTable(schema);
  }

  /** Creates (or upgrades) the status table. */
  async ensure(): Promise<void> {
    for (const statement of syncStatusDdl(this.schema)) await this.pool.query(statement);
  }

  /** The stored status, or a PROVISIONING status for a table never synced. */
  async get(name: string, source: string, policy: string): Promise<SyncedTableStatus> {
    const { rows } = await this.pool.query(`SELECT * FROM ${this.table} WHERE target_table = $1`, [name]);
    const row = rows[0] as Record<string, unknown> | undefined;
    if (!row) {
      return {
        name,
        source_table_full_name: source,
        scheduling_policy: policy,
        detailed_state: "SYNCED_TABLE_PROVISIONING",
        last_sync_time: null,
        last_processed_commit_version: null,
        message: null,
      };
    }
    return {
      name,
      source_table_full_name: row.source_table ? String(row.source_table) : source,
      scheduling_policy: row.scheduling_policy ? String(row.scheduling_policy) : policy,
      // A value the platform does not have (older loaders wrote some) reads as not yet provisioned.
      detailed_state: isSyncedTableState(row.detailed_state)
        ? row.detailed_state
        : "SYNCED_TABLE_PROVISIONING",
      last_sync_time: row.last_sync_time ? new Date(row.last_sync_time as string).toISOString() : null,
      last_processed_commit_version:
        row.last_processed_commit_version === null ? null : Number(row.last_processed_commit_version),
      message: (row.message as string | null) ?? null,
    };
  }

  /** Names of every synced table with a stored status. */
  async names(): Promise<{ name: string; source: string; policy: string }[]> {
    const { rows } = await this.pool.query(
      `SELECT target_table, source_table, scheduling_policy FROM ${this.table} ORDER BY target_table`,
    );
    return rows.map((r) => ({
      name: String(r.target_table),
      source: String(r.source_table ?? ""),
      policy: String(r.scheduling_policy ?? ""),
    }));
  }

  /** Writes a status (inside `client`'s transaction when given, so it commits with the data). */
  async put(status: SyncedTableStatus, client?: SqlRunner): Promise<void> {
    await (client ?? this.pool).query(
      `INSERT INTO ${this.table} (target_table, source_table, scheduling_policy, detailed_state, last_sync_time, last_processed_commit_version, message)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (target_table) DO UPDATE SET source_table = EXCLUDED.source_table, scheduling_policy = EXCLUDED.scheduling_policy,
         detailed_state = EXCLUDED.detailed_state, last_sync_time = EXCLUDED.last_sync_time,
         last_processed_commit_version = EXCLUDED.last_processed_commit_version, message = EXCLUDED.message`,
      [
        status.name,
        status.source_table_full_name,
        status.scheduling_policy,
        status.detailed_state,
        status.last_sync_time,
        status.last_processed_commit_version,
        status.message,
      ],
    );
  }
}
