import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_DIRS = new Set([
  "node_modules",
  ".next",
  ".turbo",
  "dist",
  "coverage",
  "e2e",
  "testing",
  "__tests__",
  "drizzle",
  // Developer scripts (seeding, one-off preparation) run from a laptop, never in the deployed app.
  "scripts",
]);
// Test and build-time files never run in the deployed app.
const SKIPPED_FILES =
  /(\.test\.|\.spec\.|\.d\.ts$|^(next|vitest|playwright|drizzle|postcss|tailwind|eslint)\.config\.)/;

/** Whether a path is source that runs in the deployed app (not a test, declaration or build config). */
export function isAppSource(path: string): boolean {
  return SOURCE.test(path) && !SKIPPED_FILES.test(basename(path));
}

/** The app's own source files: everything under `dir` except dependencies, build output, tests and configs. */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(join(current, entry.name));
      } else if (isAppSource(entry.name)) {
        out.push(join(current, entry.name));
      }
    }
  };
  walk(dir);
  return out.sort();
}

interface WorkspacePackage {
  dir: string;
  exports: Record<string, string>;
}

/** Maps `@appbase/<name>` package names to their folders and `exports` (source paths) across the workspace. */
export function workspacePackages(repoRoot: string): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  for (const group of ["packages", "apps", "tooling"]) {
    const base = join(repoRoot, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const file = join(base, name, "package.json");
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; exports?: unknown };
      if (!pkg.name) continue;
      const exports: Record<string, string> = {};
      const raw = pkg.exports;
      if (typeof raw === "string") exports["."] = raw;
      else if (raw && typeof raw === "object") {
        for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
          const target =
            typeof value === "string"
              ? value
              : ((value as Record<string, unknown>)?.import ?? (value as Record<string, unknown>)?.default);
          if (typeof target === "string") exports[key] = target;
        }
      }
      packages.set(pkg.name, { dir: join(base, name), exports });
    }
  }
  return packages;
}

const SPECIFIERS = [
  /(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*["']([^"']+)["']/g,
  /import\s*["']([^"']+)["']/g,
  /import\(\s*["']([^"']+)["']\s*\)/g,
  /require\(\s*["']([^"']+)["']\s*\)/g,
];

function resolveFile(candidate: string): string | undefined {
  const stripped = candidate.replace(/\.(js|mjs|cjs|jsx)$/, "");
  const tries = [
    candidate,
    ...[".ts", ".tsx", ".mts", ".js", ".mjs"].map((ext) => `${stripped}${ext}`),
    join(candidate, "index.ts"),
    join(candidate, "index.tsx"),
  ];
  return tries.find((path) => existsSync(path) && statSync(path).isFile());
}

function resolveSpecifier(
  from: string,
  specifier: string,
  packages: Map<string, WorkspacePackage>,
): string | undefined {
  if (specifier.startsWith(".")) return resolveFile(resolve(dirname(from), specifier));
  const match = /^(@[^/]+\/[^/]+|[^@/][^/]*)(\/.*)?$/.exec(specifier);
  const pkg = match ? packages.get(match[1] ?? "") : undefined;
  if (!pkg) return undefined;
  const target = pkg.exports[`.${match?.[2] ?? ""}`];
  return target ? resolveFile(join(pkg.dir, target)) : undefined;
}

/** Every workspace source file the given entry files reach through imports (external packages excluded). */
export function reachableSources(repoRoot: string, entries: readonly string[]): string[] {
  const packages = workspacePackages(repoRoot);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const pattern of SPECIFIERS) {
      for (const match of text.matchAll(pattern)) {
        const target = resolveSpecifier(file, match[1] ?? "", packages);
        if (target && isAppSource(target) && !seen.has(target)) queue.push(target);
      }
    }
  }
  return [...seen].sort();
}
