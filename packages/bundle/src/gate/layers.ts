import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { listSourceFiles } from "./source-graph.ts";

/** One import that crosses a layer it must not. */
export interface LayerViolation {
  file: string;
  specifier: string;
  reason: string;
}

/** An import or re-export in a source file, and whether it brings in types only. */
export interface ImportRef {
  specifier: string;
  typeOnly: boolean;
}

const STATIC = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/g;
const BARE = /(?:^|[\n;])\s*import\s*["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The modules a source file imports or re-exports (static, side-effect and dynamic). */
export function importsOf(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of source.matchAll(STATIC)) {
    const clause = m[3] ?? "";
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    const allInlineTypes = names
      ?.split(",")
      .map((n) => n.trim())
      .filter(Boolean)
      .every((n) => n.startsWith("type "));
    refs.push({ specifier: m[4] as string, typeOnly: Boolean(m[2]) || allInlineTypes === true });
  }
  for (const m of source.matchAll(BARE)) refs.push({ specifier: m[1] as string, typeOnly: false });
  for (const m of source.matchAll(DYNAMIC)) refs.push({ specifier: m[1] as string, typeOnly: false });
  return refs;
}

// Domain code is plain TypeScript a test can call: no React, no Next, no UI components, no env or
// server wiring. Types from @appbase/ui (a table spec, a histogram bin) and from @appbase/next-kit (a kit
// caller handed in by the wiring) carry no runtime and stay allowed.
const DOMAIN_FORBIDDEN: { test: (ref: ImportRef) => boolean; reason: string }[] = [
  { test: (r) => /^next(\/|$)/.test(r.specifier), reason: "Next.js belongs in app/, actions/ and server/" },
  { test: (r) => /^react(-dom)?(\/|$)/.test(r.specifier), reason: "React belongs in components/ and app/" },
  {
    test: (r) => /^@appbase\/ui(\/|$)/.test(r.specifier) && !r.typeOnly,
    reason: "UI components render domain results; import types only",
  },
  {
    // A type from it (e.g. the KitCaller a use case is handed) carries no runtime, as with @appbase/ui.
    test: (r) => /^@appbase\/next-kit(\/(?!(errors|fields)$)|$)/.test(r.specifier) && !r.typeOnly,
    reason:
      "the kit runtime is server wiring (only @appbase/next-kit/errors, the zod input fields of /fields and types are plain)",
  },
  {
    test: (r) => r.specifier === "server-only",
    reason: "server-only marks server wiring; domain code is plain",
  },
  { test: (r) => /\/from-env$/.test(r.specifier), reason: "reading the environment is server wiring" },
];
const WIRING_DIRS = ["server", "app", "actions", "components", "testing"];

/** Why a domain file's import crosses a layer, or null when it may import it. */
export function domainImportProblem(appDir: string, file: string, ref: ImportRef): string | null {
  const rule = DOMAIN_FORBIDDEN.find((r) => r.test(ref));
  if (rule) return rule.reason;
  if (!ref.specifier.startsWith(".")) return null;
  const target = relative(appDir, resolve(dirname(file), ref.specifier));
  const [top, second] = target.split(sep);
  if (top === "src" && second && WIRING_DIRS.includes(second)) return `src/${second}/ is wiring, not domain`;
  if (top === "kit.ts") return "kit.ts is the kit's wiring";
  if (/(^|[-/])env\.ts$/.test(target)) return "env files are read by server wiring only";
  return null;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Imports from any kit's `src/domain` (tests excepted) that reach React, Next, UI components, env or server wiring. */
export function domainLayerViolations(repoRoot: string): LayerViolation[] {
  const apps = join(repoRoot, "apps");
  if (!existsSync(apps)) return [];
  return readdirSync(apps).flatMap((app) => {
    const appDir = join(apps, app);
    const files = walk(join(appDir, "src", "domain")).filter(
      (f) => /\.(ts|tsx)$/.test(f) && !/\.(test|spec)\.tsx?$/.test(f),
    );
    return files.flatMap((file) =>
      importsOf(readFileSync(file, "utf8")).flatMap((ref) => {
        const reason = domainImportProblem(appDir, file, ref);
        return reason ? [{ file, specifier: ref.specifier, reason }] : [];
      }),
    );
  });
}

/**
 * Product code (every package's and kit's source, tests, `testing/` folders, scripts and benchmarks
 * excepted) that imports a package's `/testing` entry: test scaffolding must not ship.
 */
export function testingEntryViolations(repoRoot: string): LayerViolation[] {
  const roots = ["apps", "packages"].flatMap((group) => {
    const dir = join(repoRoot, group);
    return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name, "src")) : [];
  });
  return roots
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => listSourceFiles(dir))
    .filter((file) => !file.split(sep).includes("bench"))
    .flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .filter((ref) => /^@appbase\/[^/]+\/(.+\/)?testing$/.test(ref.specifier))
        .map((ref) => ({
          file,
          specifier: ref.specifier,
          reason: "a package's testing entry is for tests only",
        })),
    );
}
