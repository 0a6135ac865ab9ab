import { folderSize } from "./data-size.ts";
import { isProcessAlive } from "./process-alive.ts";
import { readProcessFile } from "./process-file.ts";
import { lakebasePaths } from "./state-dir.ts";

interface StatusCommon {
  dataDir: string;
  /** Bytes used by the data folder. */
  dataBytes: number;
  logFile: string;
}

export type LakebaseStatus =
  | (StatusCommon & { state: "running"; pid: number; port: number; url: string; startedAt: string })
  | (StatusCommon & {
      state: "stopped";
      /** Set when process.json names a process that no longer exists (killed, machine rebooted). */
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
  if (!isProcessAlive(info.pid)) return { ...common, state: "stopped", stalePid: info.pid };
  return {
    ...common,
    state: "running",
    pid: info.pid,
    port: info.port,
    url: info.url,
    startedAt: info.startedAt,
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
  if (!info || !isProcessAlive(info.pid)) throw new LocalLakebaseNotRunningError(options.stateDir);
  return info.url;
}
