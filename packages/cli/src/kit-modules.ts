import type { GovernedTable } from "@appbase/lakehouse/governance";
import type { KitSeedContext } from "@appbase/next-kit/define-kit";
import { parseScale } from "@appbase/synthetic-data";
import { z } from "zod";
import type { Kit } from "./kits.ts";
import { CliError } from "./repo.ts";

/** The governed tables of every kit that declares `governed`, in kit order; a table declared twice is an error. */
export function governedTablesOf(kits: readonly Kit[]): GovernedTable[] {
  const tables = kits.flatMap((kit) => kit.governed ?? []);
  const ids = tables.map((t) => t.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated)
    throw new CliError(`Governed table ${repeated} is declared by more than one kit; declare it once.`);
  return tables;
}

/** The named scale a kit's seed gets: a numeric scale (customers) maps to the nearest name. */
export function namedScale(scale: string): KitSeedContext["scale"] {
  const parsed = parseScale(scale);
  if (typeof parsed === "string") return parsed as KitSeedContext["scale"];
  if (parsed <= 1_000) return "tiny";
  return parsed <= 50_000 ? "default" : "large";
}

/** Runs the `seed` of every kit that declares one, one after another, with a line per kit. */
export async function runKitSeeds(
  kits: readonly Kit[],
  ctx: Omit<KitSeedContext, "log">,
  log: (line: string) => void,
  /** Called after each kit's seed succeeded (e.g. to record it). */
  onSeeded?: (kit: Kit) => Promise<void>,
): Promise<void> {
  for (const kit of kits) {
    if (!kit.seed) continue;
    log(`Seeding ${kit.title}…`);
    const started = performance.now();
    let result: unknown;
    try {
      result = await kit.seed({ ...ctx, log: (line) => log(`  [${kit.id}] ${line}`) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`Kit ${kit.id}: its seed (apps/${kit.id}/kit.ts) failed: ${reason}`);
    }
    const summary = z.object({ summary: z.string() }).safeParse(result);
    if (!summary.success) throw new CliError(`Kit ${kit.id}: its seed must resolve to { summary: string }.`);
    log(
      `Seeded ${kit.title} in ${((performance.now() - started) / 1000).toFixed(1)}s: ${summary.data.summary}`,
    );
    await onSeeded?.(kit);
  }
}
