import type { GovernanceSql } from "./sql.ts";

export type Sink = "lakebase" | "bronze";

/** An outbox entry as written before the sinks run. */
export interface OutboxIntent {
  eventId: string;
  sink: Sink;
  governedTable: string;
  rowKey: Record<string, unknown>;
  payload: Record<string, unknown>;
  version: number;
  silverBaseVersion: number;
}

/** An outbox entry as stored. */
export interface OutboxEntry extends OutboxIntent {
  state: "intent" | "pending";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
}

const TABLE = "appbase_governance.outbox";

function toEntry(r: Record<string, unknown>): OutboxEntry {
  return {
    eventId: String(r.event_id),
    sink: r.sink as Sink,
    governedTable: String(r.governed_table),
    state: r.state as OutboxEntry["state"],
    rowKey: r.row_key as Record<string, unknown>,
    payload: r.payload as Record<string, unknown>,
    version: Number(r.version),
    silverBaseVersion: Number(r.silver_base_version),
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
    nextAttemptAt: new Date(r.next_attempt_at as string).toISOString(),
  };
}

/** The durable outbox (appbase_governance.outbox): every statement is one round trip, batched by event. */
export class OutboxStore {
  constructor(private readonly db: GovernanceSql) {}

  /** Records the work of a write before any sink runs; a replayed event id is ignored. */
  async recordIntents(intents: readonly OutboxIntent[]): Promise<void> {
    if (intents.length === 0) return;
    await this.db.query(
      `INSERT INTO ${TABLE} (event_id, sink, governed_table, state, row_key, payload, version, silver_base_version)
       SELECT e->>'eventId', e->>'sink', e->>'governedTable', 'intent', e->'rowKey', e->'payload',
              (e->>'version')::int, (e->>'silverBaseVersion')::int
       FROM jsonb_array_elements($1::jsonb) AS e
       ON CONFLICT (event_id, sink) DO NOTHING`,
      [JSON.stringify(intents)],
    );
  }

  /** Silver committed these events: their entries become due, bronze payloads learn the silver version. */
  async promote(eventIds: readonly string[], silverVersion: number): Promise<void> {
    await this.db.query(
      `UPDATE ${TABLE} SET state = 'pending', next_attempt_at = created_at,
         payload = CASE WHEN sink = 'bronze' THEN jsonb_set(payload, '{silver_version}', to_jsonb($2::int)) ELSE payload END
       WHERE event_id = ANY($1::text[])`,
      [eventIds, silverVersion],
    );
  }

  /**
   * After silver committed the events, in one statement: the Lakebase entries are deleted when
   * Lakebase applied them, or become due with one attempt counted and backoff when it failed;
   * the bronze entries become `pending`, learn the silver version and fall due after
   * `bronzeBehindMs` (the writer appends them before then; the drain does if this process stops).
   */
  async settle(
    eventIds: readonly string[],
    silverVersion: number,
    lakebaseError: unknown,
    backoff: { baseMs: number; maxMs: number },
    bronzeBehindMs: number,
  ): Promise<void> {
    if (eventIds.length === 0) return;
    const failed = lakebaseError !== undefined;
    const message = failed
      ? (lakebaseError instanceof Error ? lakebaseError.message : String(lakebaseError)).slice(0, 2000)
      : null;
    await this.db.query(
      `WITH delivered AS (DELETE FROM ${TABLE} WHERE event_id = ANY($1::text[]) AND sink = 'lakebase' AND NOT $2::bool)
       UPDATE ${TABLE} SET state = 'pending',
         attempts = attempts + (sink = 'lakebase')::int,
         last_error = CASE WHEN sink = 'lakebase' THEN $3 ELSE last_error END,
         next_attempt_at = now() + make_interval(secs => CASE WHEN sink = 'lakebase'
           THEN least($4::float8 * power(2, attempts), $5::float8) ELSE $6::float8 END / 1000),
         payload = CASE WHEN sink = 'bronze' THEN jsonb_set(payload, '{silver_version}', to_jsonb($7::int)) ELSE payload END
       WHERE event_id = ANY($1::text[]) AND (sink = 'bronze' OR $2::bool)`,
      [eventIds, failed, message, backoff.baseMs, backoff.maxMs, bronzeBehindMs, silverVersion],
    );
  }

  /**
   * The statement that settles events once both silver and Lakebase committed them, for the
   * Lakebase transaction itself when the outbox lives in that database (one round trip fewer):
   * Lakebase entries deleted, bronze entries `pending` and due after `bronzeBehindMs`. It commits
   * with the Lakebase COMMIT, which follows silver's, so their silver version is not known here:
   * the bronze payloads keep `silver_version` -1 and the drain finds it in silver's change feed.
   */
  deliveredStatement(
    eventIds: readonly string[],
    bronzeBehindMs: number,
  ): { text: string; values: unknown[] } {
    return {
      text: `WITH delivered AS (DELETE FROM ${TABLE} WHERE event_id = ANY($1::text[]) AND sink = 'lakebase')
        UPDATE ${TABLE} SET state = 'pending', next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
        WHERE event_id = ANY($1::text[]) AND sink = 'bronze'`,
      values: [eventIds, bronzeBehindMs],
    };
  }

  /**
   * Bronze events of committed writes still in the outbox (appended behind silver, or retrying),
   * of a table or one row of it, as bronze will hold them.
   */
  async queuedBronze(
    governedTable: string,
    rowKey?: Record<string, unknown>,
  ): Promise<Record<string, unknown>[]> {
    const { rows } = await this.db.query(
      `SELECT payload FROM ${TABLE} WHERE sink = 'bronze' AND state = 'pending' AND governed_table = $1
         AND ($2::jsonb IS NULL OR row_key = $2::jsonb)`,
      [governedTable, rowKey ? JSON.stringify(rowKey) : null],
    );
    return rows.map((r) => r.payload as Record<string, unknown>);
  }

  /** Removes entries: the sink delivered them, or silver never committed the event. */
  async remove(eventIds: readonly string[], sink?: Sink): Promise<void> {
    if (eventIds.length === 0) return;
    await this.db.query(
      `DELETE FROM ${TABLE} WHERE event_id = ANY($1::text[])${sink ? " AND sink = $2" : ""}`,
      sink ? [eventIds, sink] : [eventIds],
    );
  }

  /** Records a failed delivery and schedules the next attempt: base·2^attempts, capped. */
  async failed(
    eventIds: readonly string[],
    sink: Sink,
    error: unknown,
    backoff: { baseMs: number; maxMs: number },
  ): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.db.query(
      `UPDATE ${TABLE} SET attempts = attempts + 1, last_error = $3,
         next_attempt_at = now() + make_interval(secs => least($4::float8 * power(2, attempts), $5::float8) / 1000)
       WHERE event_id = ANY($1::text[]) AND sink = $2`,
      [eventIds, sink, message.slice(0, 2000), backoff.baseMs, backoff.maxMs],
    );
  }

  /** Pending entries due by `now`, oldest first. */
  async due(now: Date, limit: number): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query(
      `SELECT * FROM ${TABLE} WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY created_at, event_id LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map(toEntry);
  }

  /** Intents older than `before`: writes whose process stopped between silver and the outbox update. */
  async staleIntents(before: Date): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query(
      `SELECT * FROM ${TABLE} WHERE state = 'intent' AND created_at <= $1 ORDER BY created_at, event_id`,
      [before.toISOString()],
    );
    return rows.map(toEntry);
  }

  /** Lakebase entries not yet delivered for one row: while any exist, silver is the row's truth. */
  async undeliveredFor(governedTable: string, rowKey: Record<string, unknown>): Promise<number> {
    const { rows } = await this.db.query(
      `SELECT count(*)::int AS n FROM ${TABLE} WHERE sink = 'lakebase' AND governed_table = $1 AND row_key = $2::jsonb`,
      [governedTable, JSON.stringify(rowKey)],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Every entry, oldest first (for `appbase governance outbox`). */
  async list(limit = 1000): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query(`SELECT * FROM ${TABLE} ORDER BY created_at, event_id LIMIT $1`, [
      limit,
    ]);
    return rows.map(toEntry);
  }

  /** Events with an entry in this store, of those given. */
  async known(eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const { rows } = await this.db.query(
      `SELECT DISTINCT event_id FROM ${TABLE} WHERE event_id = ANY($1::text[])`,
      [eventIds],
    );
    return new Set(rows.map((r) => String(r.event_id)));
  }
}
