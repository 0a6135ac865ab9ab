import { withSpan } from "@appbase/telemetry";
import type { Lakehouse } from "../lakehouse.ts";
import { parseTableName } from "../table-name.ts";
import type { Row } from "../values.ts";
import { appendBronze } from "./bronze-sink.ts";
import {
  type GovernanceContext,
  type GovernanceFaults,
  keysPredicate,
  rowKeyOf,
  silverRows,
  tableQueue,
  withoutEventId,
} from "./context.ts";
import { GovernanceError } from "./errors.ts";
import type { GovernedTable } from "./governed-table.ts";
import { stageUpsert } from "./lakebase-sink.ts";
import { type DrainOptions, type DrainReport, drainOutbox } from "./outbox-drain.ts";
import { OutboxStore } from "./outbox-store.ts";
import { type ReconcileReport, reconcileTable } from "./reconcile.ts";
import type { GovernanceSql } from "./sql.ts";
import { type GovernedWrite, prepareWrites } from "./write-batch.ts";

export interface GovernanceWriterOptions {
  lakehouse: Lakehouse;
  /** The Lakebase Postgres serving the governed tables. */
  lakebase: GovernanceSql;
  /** The Postgres holding appbase_governance.outbox; defaults to `lakebase`. */
  outbox?: GovernanceSql;
  tables: readonly GovernedTable[];
  faults?: GovernanceFaults;
  /** Retry delay of the outbox: baseMs·2^attempts, at most maxMs (defaults 500 ms, 5 min). */
  backoff?: { baseMs?: number; maxMs?: number };
}

/** What a committed write returns: the row as silver holds it, so the caller reads its own write. */
export interface GovernedWriteResult {
  eventId: string;
  row: Row;
  version: number;
  /** The silver Delta version that committed it. */
  silverVersion: number;
  committedAt: string;
  /** `queued`: the sink failed and the outbox will deliver it. */
  lakebase: "applied" | "queued";
  bronze: "applied" | "queued";
}

/** A row read through the writer, and where it came from. */
export interface GovernedRead {
  row: Row | null;
  /** `silver` when Lakebase still has an undelivered write for this row. */
  source: "lakebase" | "silver";
}

/**
 * The Governance Writer: each write to a governed table is one event fanned out to silver (fatal),
 * Lakebase (non-fatal, staged in parallel with silver, committed after it) and bronze (non-fatal,
 * after silver), with a durable outbox for the non-fatal sinks.
 */
export class GovernanceWriter {
  private readonly ctx: GovernanceContext;

  constructor(options: GovernanceWriterOptions) {
    this.ctx = {
      lakehouse: options.lakehouse,
      lakebase: options.lakebase,
      outbox: new OutboxStore(options.outbox ?? options.lakebase),
      tables: new Map(options.tables.map((t) => [t.id, t])),
      faults: options.faults ?? {},
      backoff: { baseMs: options.backoff?.baseMs ?? 500, maxMs: options.backoff?.maxMs ?? 300_000 },
      queues: new Map(),
    };
  }

  /** Creates the silver and bronze tables when missing (the outbox comes from governanceMigrations). */
  async ensureLakehouseTables(): Promise<void> {
    for (const t of this.ctx.tables.values()) {
      for (const [name, declaration] of [
        [t.silver, t.silverDeclaration],
        [t.bronze, t.bronzeDeclaration],
      ] as const) {
        const parsed = parseTableName(name);
        await this.ctx.lakehouse.ensureSchema(`${parsed.catalog}.${parsed.schema}`);
        await this.ctx.lakehouse.createTable(name, declaration, { ifNotExists: true });
      }
    }
  }

  /** Writes one row as one event; throws only when silver did not commit it. */
  async write(
    table: GovernedTable | string,
    row: GovernedWrite["row"],
    options: { actor: string; eventId?: string; expectedVersion?: number },
  ): Promise<GovernedWriteResult> {
    const { actor, ...rest } = options;
    const [result] = await this.writeMany(table, [{ row, ...rest }], { actor });
    return result!;
  }

  /**
   * Writes a batch: one event per row, one silver commit, one Lakebase transaction, one bronze
   * append. Keys must be distinct within a batch. Events already committed are skipped.
   */
  async writeMany(
    tableRef: GovernedTable | string,
    writes: readonly GovernedWrite[],
    options: { actor: string },
  ): Promise<GovernedWriteResult[]> {
    if (!options.actor?.trim()) {
      throw new GovernanceError(
        "INVALID_WRITE",
        "options.actor is required: name the user or service writing.",
      );
    }
    const table = this.table(tableRef);
    const attributes = { "appbase.governed.table": table.id, "appbase.governed.rows": writes.length };
    return withSpan(`governance write ${table.id}`, attributes, async (span) => {
      const results = await tableQueue(this.ctx, table).run(() => this.commit(table, writes, options.actor));
      const first = results[0];
      if (first) {
        span.setAttributes({
          "appbase.governed.silver_version": first.silverVersion,
          "appbase.governed.lakebase": first.lakebase,
          "appbase.governed.bronze": first.bronze,
        });
      }
      return results;
    });
  }

  private async commit(
    table: GovernedTable,
    writes: readonly GovernedWrite[],
    actor: string,
  ): Promise<GovernedWriteResult[]> {
    const { lakehouse, outbox, faults } = this.ctx;
    if (writes.length === 0) return [];
    await this.refuseReplays(table, writes);
    const base = (await lakehouse.describeTable(table.silver))?.version;
    if (base === undefined) {
      throw new GovernanceError(
        "UNKNOWN_TABLE",
        `silver table ${table.silver} does not exist; call ensureLakehouseTables() (appbase up does) first.`,
      );
    }
    const prepared = await prepareWrites(this.ctx, table, writes, actor, base);
    const eventIds = prepared.map((p) => p.eventId);
    await outbox.recordIntents(prepared.flatMap((p) => p.intents));
    const silverRowsOut = prepared.map((p) => p.silverRow);
    const staged = stageUpsert(this.ctx.lakebase, table, silverRowsOut, faults.lakebase);
    let commit: Awaited<ReturnType<Lakehouse["merge"]>>;
    try {
      await faults.silver?.();
      commit = await withSpan(
        `lakehouse merge ${table.silver}`,
        { "appbase.lakehouse.table": table.silver },
        () => lakehouse.merge(table.silver, silverRowsOut, { keys: table.key }),
      );
    } catch (error) {
      await (await staged).rollback();
      await outbox.remove(eventIds);
      throw new GovernanceError(
        "SILVER_WRITE_FAILED",
        `Writing ${writes.length} row(s) to ${table.silver} failed, nothing was written: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const upsert = await staged;
    try {
      await faults.afterSilver?.();
    } catch (crash) {
      // A crash drops the connection; Postgres rolls the open transaction back.
      await upsert.rollback();
      throw crash;
    }
    const lakebaseApplied = await upsert.commit();
    let bronzeApplied = false;
    try {
      await outbox.promote(eventIds, commit.version);
      if (lakebaseApplied) await outbox.remove(eventIds, "lakebase");
      else await outbox.failed(eventIds, "lakebase", upsert.error, this.ctx.backoff);
      const events = prepared.map((p) => ({ ...p.intents[1]!.payload, silver_version: commit.version }));
      try {
        await withSpan(`lakehouse append ${table.bronze}`, { "appbase.lakehouse.table": table.bronze }, () =>
          appendBronze(this.ctx, table, events as Row[], { retry: false }),
        );
        bronzeApplied = true;
        await outbox.remove(eventIds, "bronze");
      } catch (error) {
        if (!bronzeApplied) await outbox.failed(eventIds, "bronze", error, this.ctx.backoff);
      }
    } catch {
      // Silver committed, so the write stands; the outbox drain finds these events by their intents.
    }
    return prepared.map((p) => ({
      eventId: p.eventId,
      row: withoutEventId(p.silverRow),
      version: p.version,
      silverVersion: commit.version,
      committedAt: commit.timestamp,
      lakebase: lakebaseApplied ? "applied" : "queued",
      bronze: bronzeApplied ? "applied" : "queued",
    }));
  }

  /** A caller retrying with an event id that is already committed or in flight must not write twice. */
  private async refuseReplays(table: GovernedTable, writes: readonly GovernedWrite[]): Promise<void> {
    const given = writes.flatMap((w) => (w.eventId ? [w.eventId] : []));
    if (given.length === 0) return;
    const known = await this.ctx.outbox.known(given);
    const inBronze = await this.ctx.lakehouse.read(table.bronze, {
      where: { column: "event_id", op: "in", values: given },
      columns: ["event_id"],
    });
    for (const r of inBronze) known.add(String(r.event_id));
    const replayed = given.filter((id) => known.has(id));
    if (replayed.length > 0) {
      throw new GovernanceError(
        "EVENT_IN_FLIGHT",
        `event id(s) ${replayed.join(", ")} were already written to ${table.id}; read the row instead of writing it again.`,
      );
    }
  }

  /** Reads a row with read-your-own-write: silver answers while Lakebase has an undelivered write for it. */
  async read(tableRef: GovernedTable | string, key: Record<string, unknown>): Promise<GovernedRead> {
    const table = this.table(tableRef);
    const rowKey = rowKeyOf(table, key);
    if ((await this.ctx.outbox.undeliveredFor(table.id, rowKey)) > 0) {
      const rows = await silverRows(this.ctx, table, [rowKey]);
      const row = [...rows.values()][0];
      return { row: row ? withoutEventId(row) : null, source: "silver" };
    }
    const where = table.key.map((k, i) => `"${k.replaceAll('"', '""')}" = $${i + 1}`).join(" AND ");
    const { rows } = await this.ctx.lakebase.query(
      `SELECT row_to_json(t) AS row FROM ${table.lakebaseName} t WHERE ${where}`,
      table.key.map((k) => rowKey[k]),
    );
    return { row: (rows[0]?.row as Row | undefined) ?? null, source: "lakebase" };
  }

  /** What silver held at `timestamp` (all rows, or the row with `key`), and the version that was. */
  async stateAsOf(
    tableRef: GovernedTable | string,
    timestamp: string | Date,
    key?: Record<string, unknown>,
  ): Promise<{ silverVersion: number; rows: Row[] }> {
    const table = this.table(tableRef);
    const version = await this.ctx.lakehouse.versionAsOf(table.silver, timestamp);
    const rows = await this.ctx.lakehouse.read(table.silver, {
      asOf: { version },
      ...(key ? { where: keysPredicate(table, [rowKeyOf(table, key)]) } : {}),
      orderBy: table.key,
    });
    return { silverVersion: version, rows: rows.map(withoutEventId) };
  }

  /** Delivers due outbox entries once; see `startOutboxWorker` for the loop. */
  drainOutbox(options: DrainOptions = {}): Promise<DrainReport> {
    return drainOutbox(this.ctx, options);
  }

  /** Makes Lakebase equal silver for a table (or every governed table) and reports what it fixed. */
  async reconcile(tableRef?: GovernedTable | string): Promise<ReconcileReport[]> {
    const tables = tableRef ? [this.table(tableRef)] : [...this.ctx.tables.values()];
    const reports: ReconcileReport[] = [];
    for (const t of tables)
      reports.push(await tableQueue(this.ctx, t).run(() => reconcileTable(this.ctx, t)));
    return reports;
  }

  /** Runs the outbox drain in a loop until stopped; errors go to `onError` and the loop goes on. */
  startOutboxWorker(
    options: {
      intervalMs?: number;
      onError?: (error: unknown) => void;
      onDrain?: (report: DrainReport) => void;
    } = {},
  ): {
    stop(): Promise<void>;
  } {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const tick = () => {
      running = this.drainOutbox()
        .then((report) => options.onDrain?.(report))
        .catch((error) => options.onError?.(error))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1000);
        });
    };
    tick();
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await running;
      },
    };
  }

  /** The outbox, for inspection. */
  get outbox(): OutboxStore {
    return this.ctx.outbox;
  }

  private table(ref: GovernedTable | string): GovernedTable {
    const id = typeof ref === "string" ? ref : ref.id;
    const table = this.ctx.tables.get(id);
    if (!table) {
      throw new GovernanceError(
        "UNKNOWN_TABLE",
        `${id} is not a governed table of this writer (known: ${[...this.ctx.tables.keys()].join(", ") || "none"}); pass it in options.tables.`,
      );
    }
    return table;
  }
}
