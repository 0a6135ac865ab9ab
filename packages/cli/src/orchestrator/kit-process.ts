import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { spawnTailed, stopProcessGroup, waitForHealthy } from "@appbase/bundle/process";
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

/** Starts one kit's Next.js server (`next dev` or `next start`) in its own process group and waits for health. */
export async function startKit(
  kit: Kit,
  options: { mode: KitServerMode; env: NodeJS.ProcessEnv; host?: string; healthTimeoutMs?: number },
): Promise<RunningKit> {
  const host = options.host ?? "127.0.0.1";
  const nextBin = createRequire(`${kit.dir}/package.json`).resolve("next/dist/bin/next");
  const args = [nextBin, options.mode === "dev" ? "dev" : "start", "-p", String(kit.port), "-H", host];
  const { child, tail } = spawnTailed(process.execPath, args, {
    cwd: kit.dir,
    env: { ...options.env, PORT: String(kit.port), HOSTNAME: host },
    detached: true,
    onLine: (line) => process.stdout.write(`[${kit.id}] ${line}\n`),
  });
  const url = `http://${host}:${kit.port}`;
  const running: RunningKit = { kit, url, child, stop: (graceMs) => stopProcessGroup(child, graceMs) };
  try {
    await waitForHealthy(`${url}${kit.health}`, child, {
      timeoutMs: options.healthTimeoutMs ?? 240_000,
      intervalMs: 500,
      requestTimeoutMs: 60_000,
    });
  } catch (error) {
    await running.stop(2_000);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Kit ${kit.id} did not become healthy: ${reason}\nLast output:\n${tail().join("\n")}`);
  }
  return running;
}
