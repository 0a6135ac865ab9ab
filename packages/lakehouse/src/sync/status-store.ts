import { pgIdent } from "./postgres-types.ts";
import type { SqlRunner } from "./sync-postgres.ts";

/** The platform's `detailed_state` values for a synced table (Autoscaling SyncedTableStatus). */
export type SyncedTableState =
  | "SYNCED_TABLE_PROVISIONING"
  | "SYNCED_TABLE_PROVISIONING_PIPELINE_RESOURCES"
  | "SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT"
  | "SYNCED_TABLE_ONLINE"
  | "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE"
  | "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE"
  | "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE"
  | "SYNCED_TABLE_ONLINE_PIPELINE_FAILED"
  | "SYNCED_TABLE_ONLINE_UPDATING_PIPELINE_RESOURCES"
  | "SYNCED_TABLE_OFFLINE"
  | "SYNCED_TABLE_OFFLINE_FAILED";

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
    this.table = `${pgIdent(schema)}.synced_tables`;
  }

  /** Creates the status table if missing. */
  async ensure(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${pgIdent(this.schema)}`);
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      name text PRIMARY KEY,
      source_table_full_name text NOT NULL,
      scheduling_policy text NOT NULL,
      detailed_state text NOT NULL,
      last_sync_time timestamptz,
      last_processed_commit_version bigint,
      message text
    )`);
  }

  /** The stored status, or a PROVISIONING status for a table never synced. */
  async get(name: string, source: string, policy: string): Promise<SyncedTableStatus> {
    const { rows } = await this.pool.query(`SELECT * FROM ${this.table} WHERE name = $1`, [name]);
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
      source_table_full_name: String(row.source_table_full_name),
      scheduling_policy: String(row.scheduling_policy),
      detailed_state: row.detailed_state as SyncedTableState,
      last_sync_time: row.last_sync_time ? new Date(row.last_sync_time as string).toISOString() : null,
      last_processed_commit_version:
        row.last_processed_commit_version === null ? null : Number(row.last_processed_commit_version),
      message: (row.message as string | null) ?? null,
    };
  }

  /** Names of every synced table with a stored status. */
  async names(): Promise<{ name: string; source: string; policy: string }[]> {
    const { rows } = await this.pool.query(
      `SELECT name, source_table_full_name, scheduling_policy FROM ${this.table} ORDER BY name`,
    );
    return rows.map((r) => ({
      name: String(r.name),
      source: String(r.source_table_full_name),
      policy: String(r.scheduling_policy),
    }));
  }

  /** Writes a status (inside `client`'s transaction when given, so it commits with the data). */
  async put(status: SyncedTableStatus, client?: SqlRunner): Promise<void> {
    await (client ?? this.pool).query(
      `INSERT INTO ${this.table} (name, source_table_full_name, scheduling_policy, detailed_state, last_sync_time, last_processed_commit_version, message)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (name) DO UPDATE SET source_table_full_name = EXCLUDED.source_table_full_name, scheduling_policy = EXCLUDED.scheduling_policy,
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
