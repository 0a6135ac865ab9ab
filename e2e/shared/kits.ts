import { existsSync, readdirSync, readFileSync } from "node:fs";
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

/** The kits under apps/ (their package.json `appbase` manifests), as the orchestrator starts them. */
export function e2eKits(): E2eKit[] {
  const appsDir = join(repoRoot, "apps");
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir)
    .map((name) => join(appsDir, name, "package.json"))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")) as { appbase?: Omit<E2eKit, "url"> })
    .flatMap((pkg) => (pkg.appbase ? [pkg.appbase] : []))
    .map((m) => ({ ...m, health: m.health ?? "/api/health", url: `http://127.0.0.1:${m.port}` }))
    .sort((a, b) => a.port - b.port);
}

/** The state folder the end-to-end run uses: its own, so it never touches a developer's data. */
export const e2eStateDir = join(repoRoot, ".appbase", "e2e");
