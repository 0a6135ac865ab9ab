import { withSpan } from "@appbase/telemetry";
import type { Lakehouse } from "../lakehouse.ts";
import { parseTableName } from "../table-name.ts";
import type { Row } from "../values.ts";
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
import { type GovernedWriteResult, GroupCommit } from "./group-commit.ts";
import { type DrainOptions, type DrainReport, drainOutbox } from "./outbox-drain.ts";
import { OutboxStore } from "./outbox-store.ts";
import { type ReconcileReport, reconcileTable } from "./reconcile.ts";
import type { GovernanceSql } from "./sql.ts";
import { checkWrites, type GovernedWrite } from "./write-batch.ts";

export type { GovernedWriteResult } from "./group-commit.ts";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  /**
   * Bronze behind silver: a write's bronze event is appended with others `delayMs` after it
   * (default 500 ms); the outbox drain appends it `dueMs` after it if this process has not
   * (default 30 s).
   */
  bronzeBehind?: { delayMs?: number; dueMs?: number };
}

/** A bronze event: who wrote which version of which row, and the silver commit that holds it. */
export interface GovernedEvent {
  eventId: string;
  rowKey: Record<string, unknown>;
  version: number;
  actor: string;
  /** The row as written (the Lakebase columns, with its version). */
  row: Row;
  silverVersion: number;
  occurredAt: string;
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
 * appended behind silver in groups), with a durable outbox for the non-fatal sinks.
 */
export class GovernanceWriter {
  private readonly ctx: GovernanceContext;
  private readonly groups = new Map<string, GroupCommit>();

  constructor(options: GovernanceWriterOptions) {
    this.ctx = {
      lakehouse: options.lakehouse,
      lakebase: options.lakebase,
      outbox: new OutboxStore(options.outbox ?? options.lakebase),
      outboxInLakebase: options.outbox === undefined || options.outbox === options.lakebase,
      tables: new Map(options.tables.map((t) => [t.id, t])),
      faults: options.faults ?? {},
      backoff: { baseMs: options.backoff?.baseMs ?? 500, maxMs: options.backoff?.maxMs ?? 300_000 },
      bronzeBehind: {
        delayMs: options.bronzeBehind?.delayMs ?? 500,
        dueMs: options.bronzeBehind?.dueMs ?? 30_000,
      },
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
   * append (shared with calls waiting at the same time: see GroupCommit). Keys must be distinct
   * within a batch; the batch is refused whole when one of its writes is refused.
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
    checkWrites(table, writes);
    if (writes.length === 0) return [];
    const attributes = { "appbase.governed.table": table.id, "appbase.governed.rows": writes.length };
    return withSpan(`governance write ${table.id}`, attributes, async (span) => {
      const results = await this.groupOf(table).submit(writes, options.actor);
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

  private groupOf(table: GovernedTable): GroupCommit {
    let group = this.groups.get(table.id);
    if (!group) {
      group = new GroupCommit(this.ctx, table);
      this.groups.set(table.id, group);
    }
    return group;
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

  /**
   * The bronze events of a table, or of the row with `key`, oldest first: those bronze holds and
   * those still in the outbox (appended behind silver), so a write is in the trail once it returns.
   */
  async events(tableRef: GovernedTable | string, key?: Record<string, unknown>): Promise<GovernedEvent[]> {
    const table = this.table(tableRef);
    const rowKey = key ? rowKeyOf(table, key) : undefined;
    // The outbox first: an event appended meanwhile is then in bronze, which is read second.
    const queued = await this.ctx.outbox.queuedBronze(table.id, rowKey);
    const appended = await this.ctx.lakehouse.read(table.bronze, {
      where: {
        and: [
          { column: "governed_table", op: "=", value: table.id },
          ...(rowKey ? [{ column: "row_key", op: "=" as const, value: JSON.stringify(rowKey) }] : []),
        ],
      },
    });
    const byId = new Map<string, GovernedEvent>();
    for (const e of [...appended, ...queued]) {
      const eventId = String(e.event_id);
      if (byId.has(eventId)) continue;
      byId.set(eventId, {
        eventId,
        rowKey: JSON.parse(String(e.row_key)) as Record<string, unknown>,
        version: Number(e.version),
        actor: String(e.actor),
        row: JSON.parse(String(e.payload)) as Row,
        silverVersion: Number(e.silver_version),
        occurredAt: String(e.occurred_at),
      });
    }
    return [...byId.values()].sort(
      (a, b) => a.silverVersion - b.silverVersion || a.version - b.version || cmp(a.eventId, b.eventId),
    );
  }

  /** Appends the bronze events waiting behind silver now (tests, shutdown); never throws. */
  async flushBronze(): Promise<void> {
    await Promise.all([...this.groups.values()].map((g) => g.bronze.flush()));
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
