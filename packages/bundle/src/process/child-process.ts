import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/** A child process whose output is relayed line by line and whose last lines are kept for error messages. */
export interface TailedProcess {
  child: ChildProcess;
  /** The last lines it printed (stdout and stderr), oldest first. */
  tail(): string[];
}

export interface SpawnTailedOptions extends Omit<SpawnOptions, "stdio"> {
  /** How many lines `tail()` keeps. Default 40. */
  tailLines?: number;
  /** Called with each non-empty line as it arrives. */
  onLine?: (line: string) => void;
}

/** Spawns `file args` with piped output, relaying each line and keeping the last ones. */
export function spawnTailed(
  file: string,
  args: readonly string[],
  options: SpawnTailedOptions,
): TailedProcess {
  const { tailLines = 40, onLine, ...spawnOptions } = options;
  const child = spawn(file, [...args], { ...spawnOptions, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > tailLines) lines.shift();
      onLine?.(line);
    }
  };
  child.stdout?.on("data", relay);
  child.stderr?.on("data", relay);
  return { child, tail: () => [...lines] };
}

/** Resolves with the exit code once the process ends. */
export function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Polls `url` until it answers 2xx; throws saying why not (the process could not run, exited, or
 * did not answer in time, with the last answer or error).
 */
export async function waitForHealthy(
  url: string,
  child: ChildProcess,
  options: { timeoutMs: number; intervalMs?: number; requestTimeoutMs?: number },
): Promise<void> {
  let failed: string | undefined;
  child.once("error", (error) => {
    failed = `cannot run ${child.spawnfile}: ${error.message}`;
  });
  child.once("exit", (code, signal) => {
    failed ??= `the process exited (${signal ?? `code ${code}`})`;
  });
  const deadline = Date.now() + options.timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline && !failed) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000) });
      if (response.ok) return;
      last = `${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 300));
  }
  throw new Error(failed ?? `no healthy answer within ${options.timeoutMs / 1000}s (last: ${last})`);
}

/** Stops a process started `detached` and its whole group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
