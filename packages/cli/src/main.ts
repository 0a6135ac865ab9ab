import { Command, CommanderError } from "commander";
import { CliError } from "./repo.ts";

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: the modules pull in PGlite, DuckDB,
 * the bundle generator and every kit, seconds of loading that `appbase kits --json` or
 * `appbase lakebase url` (called by CI and the end-to-end suite) do not need. Help, and anything
 * not named here, loads them all. Listed in the order `--help` shows them.
 */
const commandModules: [names: string[], load: () => Promise<Register>][] = [
  [["up"], async () => (await import("./commands/up.ts")).registerUpCommand],
  [["lakebase"], async () => (await import("./commands/lakebase.ts")).registerLakebaseCommands],
  [
    ["migrate", "seed", "synth", "data"],
    async () => (await import("./commands/data.ts")).registerDataCommands,
  ],
  [["kits"], async () => (await import("./commands/kits.ts")).registerKitsCommand],
  [["grants"], async () => (await import("./commands/grants.ts")).registerGrantsCommands],
  [["lakehouse"], async () => (await import("./commands/lakehouse.ts")).registerLakehouseCommands],
  [["sync"], async () => (await import("./commands/sync.ts")).registerSyncCommands],
  [["telemetry"], async () => (await import("./commands/telemetry.ts")).registerTelemetryCommands],
  [["governance"], async () => (await import("./commands/governance.ts")).registerGovernanceCommands],
  [["schema"], async () => (await import("./commands/schema.ts")).registerSchemaCommands],
  [["bundle"], async () => (await import("./commands/bundle.ts")).registerBundleCommands],
  [["check"], async () => (await import("./commands/check.ts")).registerCheckCommand],
  [["rehearse"], async () => (await import("./commands/rehearse.ts")).registerRehearseCommand],
  [["deploy"], async () => (await import("./commands/bundle.ts")).registerDeployCommand],
  [["new"], async () => (await import("./commands/new-kit.ts")).registerNewKitCommand],
  [["bench"], async () => (await import("./commands/bench.ts")).registerBenchCommand],
  [["branch"], async () => (await import("./commands/branch.ts")).registerBranchCommands],
  [["preview"], async () => (await import("./commands/preview.ts")).registerPreviewCommand],
  [["risk"], async () => (await import("./commands/risk.ts")).registerRiskCommands],
];

const program = new Command("appbase")
  .description("AppBase: governed operational apps on Databricks, developed locally")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

const named = commandModules.find(([names]) => names.includes(process.argv[2] ?? ""));
for (const [, load] of named ? [named] : commandModules) (await load())(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof CliError) {
    console.error(`appbase: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
