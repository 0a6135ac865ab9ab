import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { processEnv, readDbEnv } from "../env.ts";
import { type LakebaseStatus, lakebaseStatus } from "./lakebase-status.ts";
import { assertPortFree } from "./port-check.ts";
import { isProcessAlive } from "./process-alive.ts";
import { removeProcessFile } from "./process-file.ts";
import { lakebasePaths } from "./state-dir.ts";

export const DEFAULT_LAKEBASE_PORT = 5433;
const START_TIMEOUT_MS = 120_000;
const ENTRY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "lakebase-server-main.ts");

/** The tsx loader as a file URL, resolved from this package so the caller's cwd does not matter. */
function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}

/** Last `lines` lines of the server log, for start failures. */
async function logTail(logFile: string, lines = 30): Promise<string> {
  const text = await readFile(logFile, "utf8").catch(() => "");
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Resolves once the child reports it accepts connections; rejects if it exits or times out. */
function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`it did not accept connections within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.removeAllListeners("message").removeAllListeners("exit").removeAllListeners("error");
      if (error) reject(error);
      else resolve();
    };
    child.on("message", (message: unknown) => {
      if (typeof message === "object" && message !== null && "ready" in message) finish();
    });
    child.once("exit", (code, signal) => finish(new Error(`it exited (${signal ?? `code ${code}`})`)));
    child.once("error", (error) => finish(error));
  });
}

/**
 * Starts the local Lakebase as a detached background process and waits until it accepts
 * connections. If one is already running for `stateDir`, returns it instead.
 */
export async function startLakebaseProcess(options: {
  stateDir: string;
  port?: number;
}): Promise<LakebaseStatus> {
  const paths = lakebasePaths(options.stateDir);
  const before = await lakebaseStatus(options);
  if (before.state === "running") return before;
  if (before.stalePid !== undefined) await removeProcessFile(paths.processFile, before.stalePid);

  const port = options.port ?? readDbEnv(processEnv()).APPBASE_LAKEBASE_PORT ?? DEFAULT_LAKEBASE_PORT;
  await assertPortFree("127.0.0.1", port);
  await mkdir(paths.dir, { recursive: true });
  const log = openSync(paths.logFile, "a");
  writeSync(log, `${new Date().toISOString()} spawning local Lakebase (port ${port})\n`);
  let child: ChildProcess;
  try {
    child = spawn(
      process.execPath,
      ["--import", tsxLoaderUrl(), ENTRY_FILE, "--state-dir", options.stateDir, "--port", String(port)],
      { detached: true, stdio: ["ignore", log, log, "ipc"], env: processEnv() as NodeJS.ProcessEnv },
    );
  } finally {
    closeSync(log);
  }
  try {
    await waitUntilReady(child, START_TIMEOUT_MS);
  } catch (error) {
    if (child.pid !== undefined && isProcessAlive(child.pid)) child.kill("SIGTERM");
    // Another start may have won the race for the port or the data folder: that one is fine too.
    const now = await lakebaseStatus(options);
    if (now.state === "running") return now;
    throw new Error(
      `The local Lakebase did not start: ${(error as Error).message}. Last lines of ${paths.logFile}:\n` +
        (await logTail(paths.logFile)),
    );
  } finally {
    if (child.connected) child.disconnect();
    child.unref();
  }
  return lakebaseStatus(options);
}

/** Waits for a process that is not our child to exit; polling is the only portable signal. */
async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Stops the managed local Lakebase with SIGTERM and waits until it has closed its data cleanly. */
export async function stopLakebaseProcess(options: {
  stateDir: string;
  timeoutMs?: number;
}): Promise<LakebaseStatus> {
  const paths = lakebasePaths(options.stateDir);
  const status = await lakebaseStatus(options);
  if (status.state === "running") {
    process.kill(status.pid, "SIGTERM");
    const timeoutMs = options.timeoutMs ?? 30_000;
    if (!(await waitForExit(status.pid, timeoutMs))) {
      throw new Error(
        `The local Lakebase (pid ${status.pid}) did not stop within ${timeoutMs / 1000} s. ` +
          `See ${paths.logFile}; if it hangs, kill it with \`kill -9 ${status.pid}\` (recent writes may be lost).`,
      );
    }
    await removeProcessFile(paths.processFile, status.pid);
  } else if (status.stalePid !== undefined) {
    await removeProcessFile(paths.processFile, status.stalePid);
  }
  return lakebaseStatus(options);
}
