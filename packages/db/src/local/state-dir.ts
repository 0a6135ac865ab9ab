import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type EnvSource, readDbEnv } from "../env.ts";

/** Nearest ancestor of `start` (inclusive) that holds `pnpm-workspace.yaml`, if any. */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The local state folder: `APPBASE_STATE_DIR`, else `<repo root>/.appbase`. The repo root is
 * searched from the working directory first, then from this package's own location, so a command
 * run outside the checkout still finds the checkout it belongs to.
 */
export function resolveStateDir(env?: EnvSource): string {
  const { APPBASE_STATE_DIR } = readDbEnv(env);
  if (APPBASE_STATE_DIR) return path.resolve(APPBASE_STATE_DIR);
  const root = findRepoRoot(process.cwd()) ?? findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
  if (!root) {
    throw new Error(
      "Cannot find the AppBase state folder: no pnpm-workspace.yaml above the working directory. " +
        "Set APPBASE_STATE_DIR to a folder for local state.",
    );
  }
  return path.join(root, ".appbase");
}

/** Where the managed local Lakebase keeps its files inside a state folder. */
export function lakebasePaths(stateDir: string) {
  const dir = path.join(stateDir, "lakebase");
  return {
    dir,
    dataDir: path.join(dir, "data"),
    processFile: path.join(dir, "process.json"),
    logFile: path.join(dir, "server.log"),
    /** Branch registry, branch data folders and snapshots (see branches/branch-host.ts). */
    branchesDir: path.join(dir, "branches"),
  };
}
