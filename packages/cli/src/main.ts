import { Command, CommanderError } from "commander";
import { registerBenchCommand } from "./commands/bench.ts";
import { registerBranchCommands } from "./commands/branch.ts";
import { registerBundleCommands, registerDeployCommand } from "./commands/bundle.ts";
import { registerCheckCommand } from "./commands/check.ts";
import { registerDataCommands } from "./commands/data.ts";
import { registerGovernanceCommands } from "./commands/governance.ts";
import { registerGrantsCommands } from "./commands/grants.ts";
import { registerKitsCommand } from "./commands/kits.ts";
import { registerLakebaseCommands } from "./commands/lakebase.ts";
import { registerLakehouseCommands } from "./commands/lakehouse.ts";
import { registerNewKitCommand } from "./commands/new-kit.ts";
import { registerPreviewCommand } from "./commands/preview.ts";
import { registerRehearseCommand } from "./commands/rehearse.ts";
import { registerRiskCommands } from "./commands/risk.ts";
import { registerSchemaCommands } from "./commands/schema.ts";
import { registerSyncCommands } from "./commands/sync.ts";
import { registerTelemetryCommands } from "./commands/telemetry.ts";
import { registerUpCommand } from "./commands/up.ts";
import { CliError } from "./repo.ts";

const program = new Command("appbase")
  .description("AppBase: governed operational apps on Databricks, developed locally")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

registerUpCommand(program);
registerLakebaseCommands(program);
registerDataCommands(program);
registerKitsCommand(program);
registerGrantsCommands(program);
registerLakehouseCommands(program);
registerSyncCommands(program);
registerTelemetryCommands(program);
registerGovernanceCommands(program);
registerSchemaCommands(program);
registerBundleCommands(program);
registerCheckCommand(program);
registerRehearseCommand(program);
registerDeployCommand(program);
registerNewKitCommand(program);
registerBenchCommand(program);
registerBranchCommands(program);
registerPreviewCommand(program);
registerRiskCommands(program);

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
