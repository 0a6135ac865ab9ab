import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import type { Kit } from "../kits.ts";
import { CliError } from "../repo.ts";

export type KitServerMode = "dev" | "prod";

export interface RunningKit {
  kit: Kit;
  url: string;
  child: ChildProcess;
  /** Stops the kit's whole process group: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const LOG_TAIL_LINES = 40;

/** Starts one kit's Next.js server (`next dev` or `next start`) in its own process group and waits for health. */
export async function startKit(
  kit: Kit,
  options: { mode: KitServerMode; env: NodeJS.ProcessEnv; host?: string; healthTimeoutMs?: number },
): Promise<RunningKit> {
  const host = options.host ?? "127.0.0.1";
  const nextBin = createRequire(`${kit.dir}/package.json`).resolve("next/dist/bin/next");
  const args = [nextBin, options.mode === "dev" ? "dev" : "start", "-p", String(kit.port), "-H", host];
  const child = spawn(process.execPath, args, {
    cwd: kit.dir,
    env: { ...options.env, PORT: String(kit.port), HOSTNAME: host },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      process.stdout.write(`[${kit.kit}] ${line}\n`);
    }
  };
  child.stdout?.on("data", relay);
  child.stderr?.on("data", relay);

  const url = `http://${host}:${kit.port}`;
  const running: RunningKit = { kit, url, child, stop: (graceMs) => stopProcessGroup(child, graceMs) };
  try {
    await waitForHealth(`${url}${kit.health}`, child, options.healthTimeoutMs ?? 240_000);
  } catch (error) {
    await running.stop(2_000);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Kit ${kit.kit} did not become healthy: ${reason}\nLast output:\n${tail.join("\n")}`);
  }
  return running;
}

async function waitForHealth(healthUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once("exit", (code, signal) => {
    exited = `the server exited (${signal ?? `code ${code}`})`;
  });
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return;
      lastProblem = `${healthUrl} answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no healthy answer from ${healthUrl} within ${timeoutMs / 1000}s (last: ${lastProblem})`);
}

async function stopProcessGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
