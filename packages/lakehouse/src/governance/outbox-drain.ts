import type { Row } from "../values.ts";
import { appendBronze } from "./bronze-sink.ts";
import { type GovernanceContext, keyId, silverRows, tableQueue } from "./context.ts";
import { EVENT_ID_COLUMN, type GovernedTable } from "./governed-table.ts";
import { upsertNow } from "./lakebase-sink.ts";
import type { OutboxEntry, Sink } from "./outbox-store.ts";

export interface DrainOptions {
  /** Entries due by this time are delivered (default: now). */
  now?: Date;
  /** At most this many due entries per drain (default 5,000). */
  limit?: number;
  /**
   * Intents older than this are writes whose process stopped between silver and the outbox
   * update (default 60 s); younger ones may still be in flight in another process.
   */
  intentGraceMs?: number;
}

export interface DrainReport {
  /** Stale intents found committed in silver (now due) or never committed (dropped). */
  intents: { committed: number; abandoned: number };
  delivered: Record<Sink, number>;
  failed: Record<Sink, number>;
}

function groupBy<T>(items: readonly T[], id: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(id(item)) ?? [];
    list.push(item);
    out.set(id(item), list);
  }
  return out;
}

/** Resolves stale intents from silver's change feed, then delivers every due entry once. */
export async function drainOutbox(ctx: GovernanceContext, options: DrainOptions = {}): Promise<DrainReport> {
  const now = options.now ?? new Date();
  const report: DrainReport = {
    intents: { committed: 0, abandoned: 0 },
    delivered: { lakebase: 0, bronze: 0 },
    failed: { lakebase: 0, bronze: 0 },
  };
  const stale = await ctx.outbox.staleIntents(new Date(now.getTime() - (options.intentGraceMs ?? 60_000)));
  for (const [id, entries] of groupBy(stale, (e) => e.governedTable)) {
    const table = ctx.tables.get(id);
    if (table) await tableQueue(ctx, table).run(() => resolveIntents(ctx, table, entries, report));
  }
  const due = await ctx.outbox.due(now, options.limit ?? 5000);
  for (const [group, entries] of groupBy(due, (e) => `${e.governedTable}\n${e.sink}`)) {
    const table = ctx.tables.get(group.split("\n")[0]!);
    if (!table) continue;
    const sink = entries[0]!.sink;
    const ids = entries.map((e) => e.eventId);
    await tableQueue(ctx, table).run(async () => {
      try {
        if (sink === "lakebase") await deliverLakebase(ctx, table, entries);
        else await appendBronze(ctx, table, await withSilverVersions(ctx, table, entries), { retry: true });
        await ctx.outbox.remove(ids, sink);
        report.delivered[sink] += entries.length;
      } catch (error) {
        await ctx.outbox.failed(ids, sink, error, ctx.backoff);
        report.failed[sink] += entries.length;
      }
    });
  }
  return report;
}

/** Lakebase gets silver's current row, never the queued payload: a later write may have superseded it. */
async function deliverLakebase(ctx: GovernanceContext, table: GovernedTable, entries: OutboxEntry[]) {
  const keys = [...new Map(entries.map((e) => [keyId(table, e.rowKey), e.rowKey])).values()];
  const rows = await silverRows(ctx, table, keys);
  await upsertNow(ctx.lakebase, table, [...rows.values()], { guarded: true, fault: ctx.faults.lakebase });
}

/** The silver version that committed each event, from silver's change feed after the entries' base. */
async function silverCommits(
  ctx: GovernanceContext,
  table: GovernedTable,
  entries: readonly OutboxEntry[],
): Promise<Map<string, number>> {
  const fromVersion = Math.min(...entries.map((e) => e.silverBaseVersion)) + 1;
  const committedIn = new Map<string, number>();
  for (const change of await ctx.lakehouse.changes(table.silver, { fromVersion })) {
    if (change._change_type === "insert" || change._change_type === "update_postimage") {
      committedIn.set(String(change[EVENT_ID_COLUMN]), change._commit_version);
    }
  }
  return committedIn;
}

/**
 * Bronze payloads with their silver version: an entry settled inside the Lakebase transaction
 * (see OutboxStore.deliveredStatement) does not hold it, and silver's change feed does.
 */
async function withSilverVersions(
  ctx: GovernanceContext,
  table: GovernedTable,
  entries: readonly OutboxEntry[],
): Promise<Row[]> {
  const unknown = entries.filter((e) => Number(e.payload.silver_version) < 0);
  const committedIn =
    unknown.length > 0 ? await silverCommits(ctx, table, unknown) : new Map<string, number>();
  return entries.map((e) => {
    if (Number(e.payload.silver_version) >= 0) return e.payload as Row;
    const silverVersion = committedIn.get(e.eventId);
    if (silverVersion === undefined) {
      throw new Error(
        `bronze event ${e.eventId} is settled but silver ${table.silver} has no commit of it after version ${e.silverBaseVersion}; check silver's history.`,
      );
    }
    return { ...(e.payload as Row), silver_version: silverVersion };
  });
}

async function resolveIntents(
  ctx: GovernanceContext,
  table: GovernedTable,
  entries: OutboxEntry[],
  report: DrainReport,
): Promise<void> {
  const committedIn = await silverCommits(ctx, table, entries);
  const events = [...new Set(entries.map((e) => e.eventId))];
  const abandoned = events.filter((id) => !committedIn.has(id));
  await ctx.outbox.remove(abandoned);
  report.intents.abandoned += abandoned.length;
  const byVersion = groupBy(
    events.filter((id) => committedIn.has(id)),
    (id) => String(committedIn.get(id)),
  );
  for (const [version, ids] of byVersion) {
    await ctx.outbox.promote(ids, Number(version));
    report.intents.committed += ids.length;
  }
}
