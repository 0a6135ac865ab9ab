import { resolveStateDir } from "@appbase/db/local";
import type { Command } from "commander";
import { discoverKits, selectKits } from "../kits.ts";
import { prepareDatabase } from "../orchestrator/prepare-database.ts";
import { findRepoRoot } from "../repo.ts";
import { runMigrationPreview } from "./preview.ts";
import { registerSynthCommand } from "./synth.ts";

/** `appbase migrate`, `appbase seed` and `appbase synth`: the database and the synthetic data. */
export function registerDataCommands(program: Command): void {
  program
    .command("migrate")
    .description("apply the datasets' and every kit's migrations (starts the local Lakebase if needed)")
    .option("--kits <ids>", "comma-separated kit ids (default: all)")
    .option(
      "--preview",
      "apply on a fresh branch, run the smoke specs there and report the schema and row diff; main untouched",
    )
    .option(
      "--prod",
      "with --preview: smoke the kits under next start (build them first) instead of next dev",
    )
    .action(async (options: { kits?: string; preview?: boolean; prod?: boolean }) => {
      if (options.preview) return runMigrationPreview(options);
      await runPrepare({ kits: options.kits, skipSeed: true });
    });

  program
    .command("seed")
    .description("load the synthetic data into the database (skipped when already loaded, unless --force)")
    .option("--force", "reload even when data is already loaded")
    .option("--seed <n>", "seed of the synthetic data", "42")
    .option("--scale <scale>", "tiny, default, large or a row count", "default")
    .action(async (options: { force?: boolean; seed: string; scale: string }) => {
      await runPrepare({ reseed: options.force, seed: Number(options.seed), scale: options.scale });
    });

  registerSynthCommand(program);
}

async function runPrepare(options: {
  kits?: string;
  skipSeed?: boolean;
  reseed?: boolean;
  seed?: number;
  scale?: string;
}) {
  const kits = selectKits(await discoverKits(findRepoRoot()), options.kits);
  const prepared = await prepareDatabase({
    stateDir: resolveStateDir(process.env),
    env: process.env,
    kits,
    seed: options.seed ?? 42,
    scale: options.scale ?? "default",
    reseed: options.reseed,
    skipSeed: options.skipSeed,
  });
  await prepared.db.close();
}
