import {
  lakebaseStatus,
  lakebaseUrl,
  resolveStateDir,
  startLakebaseProcess,
  stopLakebaseProcess,
} from "@appbase/db/local";
import type { Command } from "commander";
import { CliError } from "../repo.ts";

/** `appbase lakebase start|stop|status|url`: the local Lakebase as a managed background process. */
export function registerLakebaseCommands(program: Command): void {
  const lakebase = program
    .command("lakebase")
    .description("manage the local Lakebase (embedded Postgres with pgvector)");
  const stateDir = () => resolveStateDir(process.env);

  lakebase
    .command("start")
    .description("start the local Lakebase in the background (no-op when it is running)")
    .action(async () => {
      const status = await startLakebaseProcess({ stateDir: stateDir() });
      if (status.state !== "running")
        throw new CliError(`The local Lakebase did not start; see ${status.logFile}.`);
      console.log(`Local Lakebase running at ${status.url} (pid ${status.pid}); data in ${status.dataDir}`);
    });

  lakebase
    .command("stop")
    .description("stop the local Lakebase cleanly (data stays in the state folder)")
    .action(async () => {
      const before = await lakebaseStatus({ stateDir: stateDir() });
      await stopLakebaseProcess({ stateDir: stateDir() });
      console.log(before.state === "running" ? "Local Lakebase stopped." : "Local Lakebase was not running.");
    });

  lakebase
    .command("status")
    .description("show whether the local Lakebase runs, where, and its data folder")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const status = await lakebaseStatus({ stateDir: stateDir() });
      if (options.json) {
        console.log(JSON.stringify(status, null, 2));
        return;
      }
      for (const [key, value] of Object.entries(status)) console.log(`${key.padEnd(12)} ${String(value)}`);
      if (status.state !== "running") process.exitCode = 3;
    });

  lakebase
    .command("url")
    .description("print the connection URL of the running local Lakebase")
    .action(async () => {
      const url = await lakebaseUrl({ stateDir: stateDir() });
      if (!url)
        throw new CliError(
          "The local Lakebase is not running: start it with `pnpm appbase lakebase start`.",
          3,
        );
      console.log(url);
    });
}
