import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A kit as the end-to-end suites see it: id, title and local URL. */
export interface E2eKit {
  kit: string;
  title: string;
  port: number;
  health: string;
  url: string;
}

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

let discovered: E2eKit[] | undefined;

/** Where the first process of a run leaves the discovered kits for the rest (Playwright's workers inherit it). */
const KITS_ENV = "APPBASE_E2E_KITS";

/**
 * The kits under apps/ as the orchestrator starts them. Discovery has one implementation, the CLI's
 * (it imports each apps/<kit>/kit.ts, seconds of work); it runs once per Playwright run: the runner
 * asks it when it loads the config and hands the answer to its workers in the environment.
 */
export function e2eKits(): E2eKit[] {
  if (discovered) return discovered;
  process.env[KITS_ENV] ??= execFileSync(
    process.execPath,
    [join(repoRoot, "packages/cli/bin/appbase.mjs"), "kits", "--json"],
    { cwd: repoRoot, encoding: "utf8" },
  );
  discovered = (
    JSON.parse(process.env[KITS_ENV]) as {
      id: string;
      title: string;
      port: number;
      health: string;
      url: string;
    }[]
  ).map((k) => ({ kit: k.id, title: k.title, port: k.port, health: k.health, url: k.url }));
  return discovered;
}

/**
 * The state folder the end-to-end run uses: its own, so it never touches a developer's data
 * (APPBASE_E2E_STATE_DIR gives a run another one, e.g. beside a second run on the same machine).
 */
export const e2eStateDir = process.env.APPBASE_E2E_STATE_DIR ?? join(repoRoot, ".appbase", "e2e");
