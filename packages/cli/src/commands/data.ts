import { kitSyncedTables } from "@appbase/bundle/generate";
import { appWorkspaceClient, missingAppPrincipal } from "@appbase/databricks";
import { currentEpoch } from "@appbase/datasets";
import { resolveStateDir } from "@appbase/db/local";
import { parseScale, type Scale } from "@appbase/synthetic-data";
import type { Command } from "commander";
import { discoverKits, selectKits } from "../kits.ts";
import { goldTablesFor } from "../orchestrator/land-gold.ts";
import { LandingError, landGoldOnDatabricks } from "../orchestrator/land-gold-databricks.ts";
import { DEFAULT_LANDING, resolveLandTarget } from "../orchestrator/land-target.ts";
import { prepareDatabase } from "../orchestrator/prepare-database.ts";
import { createProgress } from "../progress.ts";
import { CliError, findRepoRoot } from "../repo.ts";
import { collectVariable } from "./bundle.ts";
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

  program
    .command("data")
    .description("synthetic gold data on Databricks")
    .command("land <kit>")
    .description(
      "put the gold tables the kit's synced tables read into the target's catalog (files into a volume, then CREATE OR REPLACE TABLE from read_files); idempotent",
    )
    .requiredOption("--target <target>", "bundle target whose source_catalog receives the tables")
    .option("--catalog <name>", "catalog to land in (default: the bundle variable source_catalog)")
    .option("--warehouse <id>", "SQL warehouse to run the statements on (default: the kit's bound warehouse)")
    .option(
      "--volume <schema.volume>",
      "volume in that catalog for the uploaded files (created when missing)",
      `${DEFAULT_LANDING.schema}.${DEFAULT_LANDING.volume}`,
    )
    .option("--var <name=value>", "a bundle variable (repeatable), as for deploy", collectVariable, {})
    .option("--seed <n>", "seed of the synthetic data", "42")
    .option("--scale <scale>", "tiny, default, large or a row count", "default")
    .action(async (kitId: string, options: LandOptions) => landKitGold(kitId, options));
}

interface LandOptions {
  target: string;
  catalog?: string;
  warehouse?: string;
  volume: string;
  var: Record<string, string>;
  seed: string;
  scale: string;
}

async function landKitGold(kitId: string, options: LandOptions) {
  const repoRoot = findRepoRoot();
  const [kit] = selectKits(await discoverKits(repoRoot), kitId);
  if (!kit) throw new CliError(`No kit ${kitId} under apps/.`);
  const seed = Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    throw new CliError(`--seed ${options.seed}: use a whole number from 0 to 2147483647.`);
  let scale: Scale;
  try {
    scale = parseScale(options.scale);
  } catch (error) {
    throw new CliError(`--scale ${options.scale}: ${(error as Error).message}`);
  }
  const target = resolveLandTarget({
    repoRoot,
    kit,
    target: options.target,
    variables: options.var,
    env: process.env,
    catalog: options.catalog,
    warehouse: options.warehouse,
    volume: options.volume,
  });
  const missing = missingAppPrincipal(process.env);
  if (missing.length > 0)
    throw new CliError(
      `Landing needs a service principal of the workspace: set ${missing.join(", ")} (the same one \`appbase deploy\` uses).`,
    );
  const tables = goldTablesFor(kitSyncedTables(kit.servedTables));
  if (tables.length === 0) {
    console.log(`${kit.id} syncs no gold tables; nothing to land.`);
    return;
  }
  console.log(
    `Landing ${tables.length} gold table(s) for ${kit.id} in ${target.catalog} (files in ${target.catalog}.${target.landingSchema}.${target.volume}, warehouse ${target.warehouseId})…`,
  );
  let progress: ReturnType<typeof createProgress> | undefined;
  try {
    const landed = await landGoldOnDatabricks({
      client: appWorkspaceClient(process.env),
      target,
      tables,
      seed,
      scale,
      epoch: currentEpoch(),
      onProgress: (event) => {
        if (event.phase === "upload") {
          progress ??= createProgress(`Landing ${event.table}`);
          progress.update(event.rowsDone, event.rowsTotal);
        } else {
          progress?.done(`${event.rows} rows in ${event.table}`);
          progress = undefined;
        }
      },
    });
    const rows = [...landed.values()].reduce((a, b) => a + b, 0);
    console.log(
      `Landed ${landed.size} table(s), ${rows} rows. Synced tables of ${kit.id} can now read them.`,
    );
  } catch (error) {
    if (error instanceof LandingError) throw new CliError(error.message);
    throw error;
  }
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
