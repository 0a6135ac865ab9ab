import { folderSize } from "./data-size.ts";
import { portAccepts } from "./port-check.ts";
import { isProcessAlive } from "./process-alive.ts";
import { type ProcessFile, readProcessFile } from "./process-file.ts";
import { lakebasePaths } from "./state-dir.ts";

interface StatusCommon {
  dataDir: string;
  /** Bytes used by the data folder. */
  dataBytes: number;
  logFile: string;
}

export type LakebaseStatus =
  | (StatusCommon & {
      state: "running";
      pid: number;
      port: number;
      url: string;
      startedAt: string;
      /** The branch control API of the process (see branches/), when it serves one. */
      branchControlUrl?: string;
    })
  | (StatusCommon & {
      state: "stopped";
      /** Set when process.json names a process that is gone or does not serve its port (killed, pid reused). */
      stalePid?: number;
    });

/** Reports whether the managed local Lakebase of `stateDir` is running, and where. */
export async function lakebaseStatus(options: { stateDir: string }): Promise<LakebaseStatus> {
  const paths = lakebasePaths(options.stateDir);
  const common: StatusCommon = {
    dataDir: paths.dataDir,
    dataBytes: await folderSize(paths.dataDir),
    logFile: paths.logFile,
  };
  const info = await readProcessFile(paths.processFile);
  if (!info) return { ...common, state: "stopped" };
  if (!(await isServing(info))) return { ...common, state: "stopped", stalePid: info.pid };
  return {
    ...common,
    state: "running",
    pid: info.pid,
    port: info.port,
    url: info.url,
    startedAt: info.startedAt,
    ...(info.branchControlUrl ? { branchControlUrl: info.branchControlUrl } : {}),
  };
}

/** Error for code that needs the local Lakebase when it is not running. */
export class LocalLakebaseNotRunningError extends Error {
  constructor(stateDir: string) {
    super(
      "The local Lakebase is not running: start it with `pnpm appbase lakebase start` (or README command 1). " +
        `(Looked for ${lakebasePaths(stateDir).processFile}.)`,
    );
    this.name = "LocalLakebaseNotRunningError";
  }
}

/** Connection URL of the running local Lakebase; throws `LocalLakebaseNotRunningError` otherwise. */
export async function lakebaseUrl(options: { stateDir: string }): Promise<string> {
  // Reads process.json directly: this runs on every pool creation, the data size is not needed.
  const info = await readProcessFile(lakebasePaths(options.stateDir).processFile);
  if (!info || !(await isServing(info))) throw new LocalLakebaseNotRunningError(options.stateDir);
  return info.url;
}

/**
 * The server writes process.json only once it accepts connections, so a live pid whose port
 * refuses them is a pid reused after the server died (e.g. across a reboot).
 */
async function isServing(info: ProcessFile): Promise<boolean> {
  return isProcessAlive(info.pid) && (await portAccepts("127.0.0.1", info.port));
}
