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
   * After silver committed the events, in one statement: entries of sinks that delivered are
   * deleted, those of sinks that failed (an error given) become due with one attempt counted and
   * backoff, bronze payloads learning the silver version.
   */
  async settle(
    eventIds: readonly string[],
    silverVersion: number,
    failures: Partial<Record<Sink, unknown>>,
    backoff: { baseMs: number; maxMs: number },
  ): Promise<void> {
    if (eventIds.length === 0) return;
    const message = (sink: Sink) => {
      const error = failures[sink];
      return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    };
    const failed = (["lakebase", "bronze"] as const).filter((s) => s in failures);
    const delivered = (["lakebase", "bronze"] as const).filter((s) => !(s in failures));
    await this.db.query(
      `WITH delivered AS (DELETE FROM ${TABLE} WHERE event_id = ANY($1::text[]) AND sink = ANY($2::text[]))
       UPDATE ${TABLE} SET state = 'pending', attempts = attempts + 1,
         last_error = CASE WHEN sink = 'lakebase' THEN $4 ELSE $5 END,
         next_attempt_at = now() + make_interval(secs => least($6::float8 * power(2, attempts), $7::float8) / 1000),
         payload = CASE WHEN sink = 'bronze' THEN jsonb_set(payload, '{silver_version}', to_jsonb($8::int)) ELSE payload END
       WHERE event_id = ANY($1::text[]) AND sink = ANY($3::text[])`,
      [
        eventIds,
        delivered,
        failed,
        failed.includes("lakebase") ? message("lakebase") : null,
        failed.includes("bronze") ? message("bronze") : null,
        backoff.baseMs,
        backoff.maxMs,
        silverVersion,
      ],
    );
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
