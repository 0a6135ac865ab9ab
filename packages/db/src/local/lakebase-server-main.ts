/**
 * Entry file of the managed local Lakebase process (`startLakebaseProcess` spawns it with
 * `node --import tsx`). Usage: lakebase-server-main.ts --state-dir <dir> --port <port>
 * Its stdout and stderr go to `<stateDir>/lakebase/server.log`.
 */
import { parseArgs } from "node:util";
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
  stopOnSignals(async () => {
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
