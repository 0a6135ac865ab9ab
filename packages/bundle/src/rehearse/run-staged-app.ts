import { type ChildProcess, spawn } from "node:child_process";
import type { AppYaml } from "@appbase/bindings";
import { resolveCommand } from "./apps-env.ts";

export interface RunningApp {
  url: string;
  child: ChildProcess;
  /** The last lines the app printed, for error messages. */
  output(): string[];
  /** SIGTERM to the app's process group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartStagedAppOptions {
  stagedDir: string;
  appYaml: AppYaml;
  env: Record<string, string>;
  port: number;
  /** Path probed until it answers 2xx, e.g. `/api/health`. */
  healthPath: string;
  healthTimeoutMs?: number;
  onLine?: (line: string) => void;
}

const TAIL = 60;

/** Starts the staged app as Databricks Apps does (its command, no shell, in the staged folder) and waits for health. */
export async function startStagedApp(options: StartStagedAppOptions): Promise<RunningApp> {
  const { file, args } = resolveCommand(options.appYaml.command, options.port);
  const child = spawn(file, args, {
    cwd: options.stagedDir,
    env: options.env,
    shell: false,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > TAIL) tail.shift();
      options.onLine?.(line);
    }
  };
  child.stdout?.on("data", relay);
  child.stderr?.on("data", relay);
  let exited: string | undefined;
  let spawnError: string | undefined;
  child.once("error", (error) => {
    spawnError = `cannot run ${file}: ${error.message}`;
  });
  child.once("exit", (code, signal) => {
    exited = `the app exited (${signal ?? `code ${code}`})`;
  });
  const url = `http://127.0.0.1:${options.port}`;
  const running: RunningApp = {
    url,
    child,
    output: () => [...tail],
    stop: (graceMs) => stopGroup(child, graceMs),
  };
  const deadline = Date.now() + (options.healthTimeoutMs ?? 120_000);
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (spawnError || exited) break;
    try {
      const response = await fetch(`${url}${options.healthPath}`, { signal: AbortSignal.timeout(30_000) });
      if (response.ok) return running;
      last = `${options.healthPath} answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await running.stop(2_000);
  const reason =
    spawnError ??
    exited ??
    `no healthy answer within ${(options.healthTimeoutMs ?? 120_000) / 1000}s (last: ${last})`;
  throw new Error(
    `The staged app in ${options.stagedDir} did not become healthy: ${reason}\nLast output:\n${tail.join("\n")}`,
  );
}

async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
