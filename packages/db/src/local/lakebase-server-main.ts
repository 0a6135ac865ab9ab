/**
 * Entry file of the managed local Lakebase process (`startLakebaseProcess` spawns it with
 * `node --import tsx`). Usage: lakebase-server-main.ts --state-dir <dir> --port <port>
 * Its stdout and stderr go to `<stateDir>/lakebase/server.log`.
 */
import { parseArgs } from "node:util";
import { processEnv, readDbEnv } from "../env.ts";
import { serveBranchControl } from "./branches/branch-control-server.ts";
import { BranchHost } from "./branches/branch-host.ts";
import { removeProcessFile, writeProcessFile } from "./process-file.ts";
import { serveLocalLakebase } from "./serve.ts";
import { lakebasePaths } from "./state-dir.ts";
import { stopOnSignals } from "./stop-on-signals.ts";

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

const { values } = parseArgs({
  options: { "state-dir": { type: "string" }, port: { type: "string" } },
});
const stateDir = values["state-dir"];
const port = Number(values.port);
if (!stateDir || !Number.isInteger(port)) {
  console.error("Usage: lakebase-server-main.ts --state-dir <dir> --port <port>");
  process.exit(2);
}

const paths = lakebasePaths(stateDir);
try {
  log(`starting local Lakebase: data ${paths.dataDir}, port ${port}`);
  const lakebase = await serveLocalLakebase({ dataDir: paths.dataDir, port });
  const branches = await BranchHost.open({ main: lakebase, dir: paths.branchesDir });
  const control = await serveBranchControl(branches);
  const snapshotMinutes = readDbEnv(processEnv()).APPBASE_LAKEBASE_SNAPSHOT_MINUTES ?? 10;
  const ticker = setInterval(() => {
    branches.tick().then(
      ({ snapshots, expired }) => {
        if (snapshots.length > 0) log(`snapshots taken: ${snapshots.join(", ")}`);
        if (expired.length > 0) log(`expired branches deleted: ${expired.join(", ")}`);
      },
      (error: unknown) =>
        log(`branch upkeep failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, snapshotMinutes * 60_000);
  ticker.unref();
  stopOnSignals(async () => {
    clearInterval(ticker);
    await control.stop();
    await branches.close();
    await lakebase.stop();
    await removeProcessFile(paths.processFile, process.pid);
    log("stopped cleanly");
  }, log);
  const info = {
    pid: process.pid,
    port: lakebase.port,
    url: lakebase.url,
    startedAt: new Date().toISOString(),
    dataDir: paths.dataDir,
    branchControlUrl: control.url,
  };
  await writeProcessFile(paths.processFile, info);
  log(`accepting connections at ${lakebase.url}`);
  // Tell the parent (if it is still listening) and let go of the channel, so this process
  // outlives it.
  if (process.send) {
    process.send({ ready: true, ...info }, () => process.disconnect?.());
  }
} catch (error) {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
