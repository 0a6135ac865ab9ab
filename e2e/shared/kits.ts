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

/**
 * The kits under apps/ as the orchestrator starts them. Discovery has one implementation, the CLI's
 * (it imports each apps/<kit>/kit.ts); Playwright asks it once per process.
 */
export function e2eKits(): E2eKit[] {
  discovered ??= (
    JSON.parse(
      execFileSync(process.execPath, [join(repoRoot, "packages/cli/bin/appbase.mjs"), "kits", "--json"], {
        cwd: repoRoot,
        encoding: "utf8",
      }),
    ) as { id: string; title: string; port: number; health: string; url: string }[]
  ).map((k) => ({ kit: k.id, title: k.title, port: k.port, health: k.health, url: k.url }));
  return discovered;
}

/**
 * The state folder the end-to-end run uses: its own, so it never touches a developer's data
 * (APPBASE_E2E_STATE_DIR gives a run another one, e.g. beside a second run on the same machine).
 */
export const e2eStateDir = process.env.APPBASE_E2E_STATE_DIR ?? join(repoRoot, ".appbase", "e2e");
