import { existsSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { GovernedTable } from "@appbase/lakehouse/governance";
import { parseScale } from "@appbase/synthetic-data";
import { z } from "zod";
import type { KitSeedContext } from "./kit-seed-context.ts";
import type { Kit } from "./kits.ts";
import { CliError } from "./repo.ts";

/** Imports a module a kit manifest names; errors name the kit, the manifest field and the file. */
async function importKitModule(kit: Kit, field: "governed" | "seed", file: string): Promise<unknown> {
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new CliError(
      `Kit ${kit.kit}: the manifest's "${field}" names ${shown}, which does not exist; fix appbase.${field} in ${kit.dir}/package.json.`,
    );
  }
  try {
    // The CLI runs under tsx, so a kit's TypeScript module loads as is.
    return await import(pathToFileURL(file).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `Kit ${kit.kit}: could not import its ${field} module ${shown}: ${reason}. It must load outside Next.js (no "server-only" imports).`,
    );
  }
}

// Structural check of what governedTable() returns: enough to refuse a wrong export early.
const governedTableShape = z.object({
  id: z.string(),
  lakebaseName: z.string(),
  silver: z.string(),
  bronze: z.string(),
  key: z.array(z.string()).min(1),
  versionColumn: z.string(),
  columns: z.array(z.string()),
  silverDeclaration: z.object({}).passthrough(),
  bronzeDeclaration: z.object({}).passthrough(),
});

/** The governed tables of the kits that declare `governed`, in kit order; none when no kit does. */
export async function loadGovernedTables(kits: readonly Kit[]): Promise<GovernedTable[]> {
  const tables: GovernedTable[] = [];
  for (const kit of kits) {
    if (!kit.governedModule) continue;
    const module = (await importKitModule(kit, "governed", kit.governedModule)) as Record<string, unknown>;
    const parsed = z.array(governedTableShape).safeParse(module.governedTables);
    if (!parsed.success) {
      throw new CliError(
        `Kit ${kit.kit}: ${relative(process.cwd(), kit.governedModule)} must export governedTables: readonly GovernedTable[] (built with governedTable() from @appbase/lakehouse/governance); ${parsed.error.issues[0]?.path.join(".") || "governedTables"}: ${parsed.error.issues[0]?.message}.`,
      );
    }
    tables.push(...(module.governedTables as GovernedTable[]));
  }
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

/** Runs the `seedKit` of every kit that declares `seed`, one after another, with a line per kit. */
export async function runKitSeeds(
  kits: readonly Kit[],
  ctx: Omit<KitSeedContext, "log">,
  log: (line: string) => void,
): Promise<void> {
  for (const kit of kits) {
    if (!kit.seedModule) continue;
    const shown = relative(process.cwd(), kit.seedModule);
    const module = (await importKitModule(kit, "seed", kit.seedModule)) as Record<string, unknown>;
    if (typeof module.seedKit !== "function") {
      throw new CliError(`Kit ${kit.kit}: ${shown} must export seedKit(ctx): Promise<{ summary: string }>.`);
    }
    log(`Seeding ${kit.title} (${shown})…`);
    const started = performance.now();
    let result: unknown;
    try {
      result = await (module.seedKit as (c: KitSeedContext) => Promise<unknown>)({
        ...ctx,
        log: (line) => log(`  [${kit.kit}] ${line}`),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`Kit ${kit.kit}: seedKit in ${shown} failed: ${reason}`);
    }
    const summary = z.object({ summary: z.string() }).safeParse(result);
    if (!summary.success) {
      throw new CliError(`Kit ${kit.kit}: seedKit in ${shown} must resolve to { summary: string }.`);
    }
    log(
      `Seeded ${kit.title} in ${((performance.now() - started) / 1000).toFixed(1)}s: ${summary.data.summary}`,
    );
  }
}
