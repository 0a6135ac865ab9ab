import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { inheritedEnv } from "../env.ts";

/** One request of the built-in smoke check, declared per kit in `bundles/<kit>/smoke.json`. */
const smokeCheckSchema = z.strictObject({
  path: z.string().startsWith("/", { error: "path must start with /" }),
  status: z.number().int().default(200),
  contains: z.string().optional(),
});
const smokeFileSchema = z.strictObject({
  checks: z.array(smokeCheckSchema).min(1, { error: "list at least one check" }),
});

export type SmokeCheck = z.output<typeof smokeCheckSchema>;

export interface SmokeResult {
  kind: "playwright" | "builtin";
  passed: boolean;
  /** One line per check or the Playwright summary. */
  details: string[];
}

/** The kit's Playwright smoke spec, if its e2e suite has one. */
export function smokeSpecPath(repoRoot: string, kit: string): string | undefined {
  const path = join(repoRoot, "e2e", kit, "smoke.spec.ts");
  return existsSync(path) ? path : undefined;
}

/** The built-in checks: `bundles/<kit>/smoke.json` when present, else the health route and the home page. */
export function builtinChecks(repoRoot: string, kit: string, healthPath: string): SmokeCheck[] {
  const file = join(repoRoot, "bundles", kit, "smoke.json");
  if (!existsSync(file))
    return [
      { path: healthPath, status: 200 },
      { path: "/", status: 200 },
    ];
  const parsed = smokeFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data.checks;
}

/** Requests each path through the Apps proxy stand-in and compares status and content. */
export async function runBuiltinSmoke(baseUrl: string, checks: readonly SmokeCheck[]): Promise<SmokeResult> {
  const details: string[] = [];
  let passed = true;
  for (const check of checks) {
    try {
      // Redirects are followed, as a browser would: the check is about the page a user ends on.
      const response = await fetch(`${baseUrl}${check.path}`, { signal: AbortSignal.timeout(60_000) });
      const text = await response.text();
      const statusOk = response.status === check.status;
      const contentOk = check.contains === undefined || text.includes(check.contains);
      passed &&= statusOk && contentOk;
      details.push(
        `${statusOk && contentOk ? "ok  " : "FAIL"} GET ${check.path} → ${response.status}` +
          (statusOk ? "" : ` (expected ${check.status})`) +
          (contentOk ? "" : ` (missing ${JSON.stringify(check.contains)})`),
      );
    } catch (error) {
      passed = false;
      details.push(`FAIL GET ${check.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { kind: "builtin", passed, details };
}

/** Runs the kit's Playwright smoke spec against the rehearsed app (no web server: the app is already up). */
export async function runPlaywrightSmoke(options: {
  repoRoot: string;
  kit: string;
  baseUrl: string;
  onLine?: (line: string) => void;
  /** Per test (a quarter of it per expectation); default 60 s. */
  timeoutMs?: number;
}): Promise<SmokeResult> {
  const cli = join(options.repoRoot, "e2e", "node_modules", "@playwright", "test", "cli.js");
  if (!existsSync(cli))
    throw new Error(`Playwright is not installed for e2e (${cli} is missing): run pnpm install.`);
  const config = join(import.meta.dirname, "playwright-rehearsal.config.mjs");
  const child = spawn(process.execPath, [cli, "test", "--config", config], {
    cwd: join(options.repoRoot, "e2e"),
    env: {
      ...inheritedEnv(),
      REHEARSAL_BASE_URL: options.baseUrl,
      REHEARSAL_TEST_DIR: join(options.repoRoot, "e2e", options.kit),
      REHEARSAL_OUTPUT_DIR: join(options.repoRoot, "e2e", "test-results", `rehearsal-${options.kit}`),
      ...(options.timeoutMs ? { REHEARSAL_TIMEOUT_MS: String(options.timeoutMs) } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const details: string[] = [];
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      details.push(line);
      options.onLine?.(line);
    }
  };
  child.stdout.on("data", relay);
  child.stderr.on("data", relay);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { kind: "playwright", passed: code === 0, details: details.slice(-30) };
}
