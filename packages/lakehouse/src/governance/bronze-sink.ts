import type { RowInput } from "../values.ts";
import type { GovernanceContext } from "./context.ts";
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
