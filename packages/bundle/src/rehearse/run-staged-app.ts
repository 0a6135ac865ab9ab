import type { ChildProcess } from "node:child_process";
import type { AppYaml } from "@appbase/bindings";
import { spawnTailed, stopProcessGroup, waitForHealthy } from "../process/child-process.ts";
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

/** Starts the staged app as Databricks Apps does (its command, no shell, in the staged folder) and waits for health. */
export async function startStagedApp(options: StartStagedAppOptions): Promise<RunningApp> {
  const { file, args } = resolveCommand(options.appYaml.command, options.port);
  const { child, tail } = spawnTailed(file, args, {
    cwd: options.stagedDir,
    env: options.env,
    shell: false,
    detached: true,
    tailLines: 60,
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  const url = `http://127.0.0.1:${options.port}`;
  const running: RunningApp = {
    url,
    child,
    output: tail,
    stop: (graceMs) => stopProcessGroup(child, graceMs),
  };
  try {
    await waitForHealthy(`${url}${options.healthPath}`, child, {
      timeoutMs: options.healthTimeoutMs ?? 120_000,
    });
    return running;
  } catch (error) {
    await running.stop(2_000);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The staged app in ${options.stagedDir} did not become healthy: ${reason}\nLast output:\n${tail().join("\n")}`,
    );
  }
}
