import { withSpan } from "@appbase/telemetry";
import { LakehouseError } from "../errors.ts";
import type { CommitInfo } from "../lakehouse.ts";
import type { Row } from "../values.ts";
import { BronzeBehind } from "./bronze-sink.ts";
import { type GovernanceContext, keyId, silverRows, tableQueue, withoutEventId } from "./context.ts";
import { GovernanceError } from "./errors.ts";
import type { GovernedTable } from "./governed-table.ts";
import { stageUpsert } from "./lakebase-sink.ts";
import { type GovernedWrite, type PreparedWrite, prepareWrites } from "./write-batch.ts";

/** What a committed write returns: the row as silver holds it, so the caller reads its own write. */
export interface GovernedWriteResult {
  eventId: string;
  row: Row;
  version: number;
  /** The silver Delta version that committed it. */
  silverVersion: number;
  committedAt: string;
  /** `queued`: Lakebase failed and the outbox will deliver it. */
  lakebase: "applied" | "queued";
  /** Always `queued`: bronze is appended behind silver, from the outbox (see BronzeBehind). */
  bronze: "queued";
}

/** One `writeMany` call (a single `write` is a call of one) waiting for its group. */
interface Unit {
  writes: readonly GovernedWrite[];
  actor: string;
  keys: readonly string[];
  resolve(results: GovernedWriteResult[]): void;
  reject(error: unknown): void;
}

/** Rows in one group at most: a group is one silver merge, one bronze append and one Lakebase statement. */
const MAX_GROUP_ROWS = 5_000;

/**
 * Group commit for one governed table: calls that arrive while a commit runs wait, and the next
 * commit takes all of them at once (one version read, one silver merge, one Lakebase transaction,
 * two outbox statements; bronze follows behind), so concurrent writers share the lakehouse's
 * commit cost instead of queueing behind each other's. Each call keeps its own outcome: one refused
 * (stale version, replayed event id) does not stop the others. Calls writing a key that an
 * earlier waiting call writes go to a later group, in arrival order, so each gets its own version.
 */
export class GroupCommit {
  private waiting: Unit[] = [];
  private running = false;
  /**
   * A silver version at or before the table's latest (the last this writer committed): the
   * outbox's silverBaseVersion, where the drain starts looking for an event after a crash. Silver
   * versions only grow, so an older one is still a correct place to start.
   */
  private silverVersion: number | undefined;
  readonly bronze: BronzeBehind;

  constructor(
    private readonly ctx: GovernanceContext,
    private readonly table: GovernedTable,
  ) {
    this.bronze = new BronzeBehind(ctx, table);
  }

  /** Queues a checked call; resolves with its results once its group committed to silver. */
  submit(writes: readonly GovernedWrite[], actor: string): Promise<GovernedWriteResult[]> {
    return new Promise((resolve, reject) => {
      const keys = writes.map((w) => keyId(this.table, w.row));
      this.waiting.push({ writes, actor, keys, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    const { lakehouse } = this.ctx;
    try {
      // The lakehouse stays open across the burst: each commit runs Postgres steps between its
      // lakehouse steps, and a reopen costs more than the steps themselves.
      const burst = async () => {
        while (this.waiting.length > 0) {
          const group = this.takeGroup();
          await tableQueue(this.ctx, this.table).run(() => this.commit(group));
        }
      };
      await (lakehouse.keepOpen ? lakehouse.keepOpen(burst) : burst());
    } finally {
      this.running = false;
      // A call that arrived after the burst's last look at the queue (keepOpen returns a few
      // ticks later) found it running: start again for it.
      if (this.waiting.length > 0) void this.run();
    }
  }

  /** The waiting calls that fit one group, in arrival order; the rest wait for the next. */
  private takeGroup(): Unit[] {
    const group: Unit[] = [];
    const rest: Unit[] = [];
    const taken = new Set<string>();
    // Keys of calls left waiting: a later call on one of them must not overtake it.
    const blocked = new Set<string>();
    let rows = 0;
    for (const unit of this.waiting) {
      const clash = unit.keys.some((k) => taken.has(k) || blocked.has(k));
      const full = group.length > 0 && rows + unit.writes.length > MAX_GROUP_ROWS;
      if (clash || full) {
        rest.push(unit);
        for (const k of unit.keys) blocked.add(k);
        continue;
      }
      group.push(unit);
      rows += unit.writes.length;
      for (const k of unit.keys) taken.add(k);
    }
    this.waiting = rest;
    return group;
  }

  /** Commits one group; every unit is resolved or rejected, and this never throws. */
  private async commit(units: Unit[]): Promise<void> {
    const { ctx, table } = this;
    let pending = units;
    try {
      pending = await refuseReplays(ctx, table, pending);
      if (pending.length === 0) return;
      const base = this.silverVersion ?? (await ctx.lakehouse.describeTable(table.silver))?.version;
      if (base === undefined) throw unknownSilver(table);
      const current = await silverRows(
        ctx,
        table,
        pending.flatMap((u) => u.writes.map((w) => w.row)),
        [...table.key, table.versionColumn],
      ).catch((error: unknown) => {
        throw error instanceof LakehouseError && error.code === "TABLE_OR_VIEW_NOT_FOUND"
          ? unknownSilver(table)
          : error;
      });
      const accepted: { unit: Unit; prepared: PreparedWrite[] }[] = [];
      for (const unit of pending) {
        try {
          accepted.push({ unit, prepared: prepareWrites(table, unit.writes, unit.actor, base, current) });
        } catch (error) {
          unit.reject(error);
        }
      }
      pending = accepted.map((a) => a.unit);
      if (accepted.length === 0) return;
      const { results, events } = await commitPrepared(
        ctx,
        table,
        accepted.flatMap((a) => a.prepared),
      );
      this.silverVersion = results[0]!.silverVersion;
      this.bronze.add(events);
      let at = 0;
      for (const { unit, prepared } of accepted) {
        unit.resolve(results.slice(at, at + prepared.length));
        at += prepared.length;
      }
    } catch (error) {
      this.silverVersion = undefined;
      for (const unit of pending) unit.reject(error);
    }
  }
}

function unknownSilver(table: GovernedTable): GovernanceError {
  return new GovernanceError(
    "UNKNOWN_TABLE",
    `silver table ${table.silver} does not exist; call ensureLakehouseTables() (appbase up does) first.`,
  );
}

/**
 * A caller retrying with an event id that is already committed or in flight must not write twice:
 * calls naming an event id the outbox or bronze knows, or one an earlier call of the group names,
 * are refused; the others are returned.
 */
async function refuseReplays(ctx: GovernanceContext, table: GovernedTable, units: Unit[]): Promise<Unit[]> {
  const given = units.flatMap((u) => u.writes.flatMap((w) => (w.eventId ? [w.eventId] : [])));
  if (given.length === 0) return units;
  const known = await ctx.outbox.known(given);
  const inBronze = await ctx.lakehouse.read(table.bronze, {
    where: { column: "event_id", op: "in", values: given },
    columns: ["event_id"],
  });
  for (const r of inBronze) known.add(String(r.event_id));
  const live: Unit[] = [];
  for (const unit of units) {
    const ids = unit.writes.flatMap((w) => (w.eventId ? [w.eventId] : []));
    const replayed = ids.filter((id, i) => known.has(id) || ids.indexOf(id) !== i);
    if (replayed.length > 0) {
      unit.reject(
        new GovernanceError(
          "EVENT_IN_FLIGHT",
          `event id(s) ${[...new Set(replayed)].join(", ")} were already written to ${table.id}; read the row instead of writing it again.`,
        ),
      );
      continue;
    }
    for (const id of ids) known.add(id);
    live.push(unit);
  }
  return live;
}

/**
 * The write itself: intents in the outbox, then silver MERGE with the Lakebase upsert staged in
 * parallel; after silver, Lakebase COMMIT, which settles the outbox too when it lives in Lakebase
 * (else one outbox statement after it). The bronze events, returned, are appended behind. Throws only when silver did not commit (or the process
 * "dies" after it).
 */
async function commitPrepared(
  ctx: GovernanceContext,
  table: GovernedTable,
  prepared: readonly PreparedWrite[],
): Promise<{ results: GovernedWriteResult[]; events: Row[] }> {
  const { lakehouse, outbox, faults } = ctx;
  const eventIds = prepared.map((p) => p.eventId);
  await outbox.recordIntents(prepared.flatMap((p) => p.intents));
  const silverRowsOut = prepared.map((p) => p.silverRow);
  const settledWithLakebase = ctx.outboxInLakebase
    ? outbox.deliveredStatement(eventIds, ctx.bronzeBehind.dueMs)
    : undefined;
  const staged = stageUpsert(ctx.lakebase, table, silverRowsOut, faults.lakebase, settledWithLakebase);
  let commit: CommitInfo;
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
      `Writing ${prepared.length} row(s) to ${table.silver} failed, nothing was written: ${(error as Error).message}`,
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
  if (!lakebaseApplied || !settledWithLakebase) {
    // Silver committed, so the write stands: if the outbox is unreachable now, its intents stay
    // and the drain resolves them from silver's change feed.
    const lakebaseError = lakebaseApplied ? undefined : (upsert.error ?? new Error("Lakebase upsert failed"));
    await outbox
      .settle(eventIds, commit.version, lakebaseError, ctx.backoff, ctx.bronzeBehind.dueMs)
      .catch(() => undefined);
  }
  const events = prepared.map((p) => ({ ...p.intents[1]!.payload, silver_version: commit.version }) as Row);
  const results = prepared.map((p) => ({
    eventId: p.eventId,
    row: withoutEventId(p.silverRow),
    version: p.version,
    silverVersion: commit.version,
    committedAt: commit.timestamp,
    lakebase: lakebaseApplied ? ("applied" as const) : ("queued" as const),
    bronze: "queued" as const,
  }));
  return { results, events };
}
