import type { Row, RowInput } from "../values.ts";
import { type GovernanceContext, tableQueue } from "./context.ts";
import type { GovernedTable } from "./governed-table.ts";

/**
 * Appends bronze events. A retry first reads which of its events bronze already holds (the
 * previous attempt may have appended and then lost the outbox update), so every event lands once.
 */
export async function appendBronze(
  ctx: GovernanceContext,
  table: GovernedTable,
  events: readonly RowInput[],
  options: { retry: boolean },
): Promise<void> {
  await ctx.faults.bronze?.();
  let missing = events;
  if (options.retry) {
    const present = new Set<string>();
    for (let i = 0; i < events.length; i += 500) {
      const ids = events.slice(i, i + 500).map((e) => String(e.event_id));
      const rows = await ctx.lakehouse.read(table.bronze, {
        where: { column: "event_id", op: "in", values: ids },
        columns: ["event_id"],
      });
      for (const r of rows) present.add(String(r.event_id));
    }
    missing = events.filter((e) => !present.has(String(e.event_id)));
  }
  if (missing.length > 0) await ctx.lakehouse.append(table.bronze, missing);
}

/** Events appended in one bronze commit at most; more are appended at once rather than waiting. */
const MAX_BEHIND = 5_000;

/**
 * Bronze behind silver: the bronze events of committed writes wait in the outbox (`pending`, due
 * only after `ctx.bronzeBehind.dueMs`) and are appended together `ctx.bronzeBehind.delayMs`
 * after the first of them, one bronze commit for many writes, so a write pays for one Delta
 * commit (silver) instead of two. The trail is whole at any moment for readers that take both
 * places (`GovernanceWriter.events`); if this process stops first, the drain appends them when due.
 */
export class BronzeBehind {
  private waiting: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private appending: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: GovernanceContext,
    private readonly table: GovernedTable,
  ) {}

  /** Queues events whose outbox entries are settled `pending`. */
  add(events: readonly Row[]): void {
    this.waiting.push(...events);
    if (this.waiting.length >= MAX_BEHIND) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.ctx.bronzeBehind.delayMs);
      // Queued events are safe in the outbox: they must not keep the process alive.
      this.timer.unref();
    }
  }

  /** Appends what is queued now (after any append in progress); never throws. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.waiting;
    this.waiting = [];
    if (events.length > 0) this.appending = this.appending.then(() => this.append(events));
    return this.appending;
  }

  private async append(events: Row[]): Promise<void> {
    const { ctx, table } = this;
    const ids = events.map((e) => String(e.event_id));
    try {
      // retry: the drain of a process that saw these entries fall due may have appended them.
      await tableQueue(ctx, table).run(() => appendBronze(ctx, table, events, { retry: true }));
    } catch (error) {
      // Left to the drain, with backoff; if even this fails, the entries fall due as they are.
      await ctx.outbox.failed(ids, "bronze", error, ctx.backoff).catch(() => undefined);
      return;
    }
    // If this fails the entries fall due and the drain finds the events already in bronze.
    await ctx.outbox.remove(ids, "bronze").catch(() => undefined);
  }
}
