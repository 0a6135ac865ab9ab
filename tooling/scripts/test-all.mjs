#!/usr/bin/env node
// README command 2: installs what the tests need, then runs lint, typecheck, unit + integration tests
// (embedded Postgres, then again on a real PostgreSQL server), builds the kits and runs the end-to-end suites.
// Plain Node on purpose: it must run on a fresh machine right after `pnpm install`.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./lib/chromium.mjs";
import { failureCollector } from "./lib/failure-lines.mjs";
import { pnpmInvocation } from "./lib/pnpm.mjs";
import { startThrowawayPostgres } from "./lib/postgres.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [pnpmCommand, ...pnpmPrefix] = pnpmInvocation(root);
const results = [];
// Two packages' tests at a time: each Vitest run uses one worker on a 2-core machine, and every database
// test gets its own database (a PGlite per file, or CREATE DATABASE on the server), so packages share no state.
const TEST_PACKAGES_AT_ONCE = 2;

/** Runs a command, passing its output to `write` and keeping the lines that name failures. */
function run({ command, args, env = {} }, write) {
  const started = Date.now();
  const failures = failureCollector();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        write(chunk, stream === child.stderr);
        failures.push(chunk);
      });
    }
    child.on("close", (code, signal) => {
      const ok = code === 0;
      resolve({
        ok,
        status: code ?? signal,
        seconds: ((Date.now() - started) / 1000).toFixed(1),
        failures: ok ? [] : failures.lines(),
      });
    });
  });
}

/** One step, its output streamed through; stops the run on failure. */
async function step(name, command, args, env = {}) {
  console.log(`\n━━ ${name} ━━ ${[command, ...args].join(" ")}`);
  const outcome = await run({ command, args, env }, (chunk, isError) =>
    (isError ? process.stderr : process.stdout).write(chunk),
  );
  results.push({ name, ...outcome });
  if (!outcome.ok) finish(`${name} failed (exit ${outcome.status}).`);
}

/** Independent steps, `width` at a time; each one's output is printed whole when it ends. */
async function stepsSideBySide(width, steps) {
  const queue = [...steps];
  const failed = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const output = [];
      const outcome = await run(next, (chunk) => output.push(chunk));
      console.log(
        `\n━━ ${next.name} ━━ ${[next.command, ...next.args].join(" ")} (${outcome.seconds}s, ran beside another step)`,
      );
      process.stdout.write(Buffer.concat(output));
      results.push({ name: next.name, ...outcome });
      if (!outcome.ok) failed.push(`${next.name} failed (exit ${outcome.status}).`);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  if (failed.length) finish(failed.join("\n"));
}

function finish(failure) {
  console.log("\n━━ Summary ━━");
  for (const r of results) console.log(`  ${r.ok ? "✔" : "✘"} ${r.name.padEnd(44)} ${r.seconds}s`);
  if (failure) {
    for (const r of results.filter((result) => result.failures?.length)) {
      console.log(`\n━━ What failed in "${r.name}" (repeated from above) ━━`);
      for (const line of r.failures) console.log(`  ${line}`);
    }
    console.error(`\n${failure}`);
    process.exit(1);
  }
  console.log("\nAll checks passed.");
  process.exit(0);
}

const chromium = ensureChromium();
const server = await startThrowawayPostgres({ required: process.env.CI === "true" });
process.on("exit", () => server?.stop());
const serverEnv = server ? { APPBASE_PG_SERVER_URL: server.url } : {};

await step("lint (biome)", pnpmCommand, [...pnpmPrefix, "exec", "biome", "check", "."]);
await step("tooling scripts (node --test)", process.execPath, ["--test", "tooling/scripts/lib/"]);
// Two programs instead of one per package: the Node packages, and the React packages with every kit and the
// e2e suite. Packages import each other's sources, so per-package runs checked the shared files ~20 times.
await stepsSideBySide(
  2,
  ["node", "web"].map((program) => ({
    name: `typecheck (tsc, ${program} program)`,
    command: pnpmCommand,
    args: [...pnpmPrefix, "exec", "tsc", "-p", `tooling/typescript/check-${program}.json`],
  })),
);
// The typecheck above covered the kits (test files too, which Next's own check skips), so `next build`
// skips its second tsc pass over every kit and the packages it imports.
await step(
  "build kits (next build)",
  pnpmCommand,
  [...pnpmPrefix, "exec", "turbo", "run", "build", "--filter=./apps/*"],
  { APPBASE_TYPECHECKED: "1" },
);
// With a server, the kits' tests run once, in the PostgreSQL 15 pass below (real concurrency and roles);
// what needs the embedded Lakebase there (pgvector) asks for it (`createTestDatabase(spec, { embedded: true })`),
// and the end-to-end suite runs every kit on the embedded Lakebase. Without one, everything runs here.
await step(
  server
    ? "unit + integration tests (embedded Postgres; kits in the next pass)"
    : "unit + integration tests (embedded Postgres)",
  pnpmCommand,
  turboTests(server ? ["!./apps/*"] : []),
  serverEnv,
);
// Only the packages whose tests touch a database: pure unit tests gain nothing from a second pass.
// On the server, the database packages run only their database tests (`*.db.test.ts`, the `test:db` script;
// their unit tests ran above) beside the kits' whole suites, which run only here.
const databasePackages = [
  "@appbase/cli",
  "@appbase/db",
  "@appbase/datasets",
  "@appbase/grants",
  "@appbase/lakehouse",
];
if (server) {
  const env = { ...serverEnv, DATABASE_URL: server.url };
  await stepsSideBySide(2, [
    {
      name: `database tests of the packages on PostgreSQL ${server.version}`,
      command: pnpmCommand,
      args: turboTests(databasePackages, { task: "test:db", concurrency: 1 }),
      env,
    },
    {
      name: `kits' tests on PostgreSQL ${server.version}`,
      command: pnpmCommand,
      args: turboTests(["./apps/*"]),
      env,
    },
  ]);
} else {
  results.push({
    name: "database tests on PostgreSQL (no server binaries: skipped)",
    ok: true,
    seconds: "0.0",
  });
}
await step("bundles: schema validation", pnpmCommand, [...pnpmPrefix, "appbase", "bundle", "validate"]);
await step("portability gate (appbase check)", pnpmCommand, [...pnpmPrefix, "appbase", "check"]);
await step(
  "end-to-end (Playwright, Chromium)",
  pnpmCommand,
  [...pnpmPrefix, "--filter", "@appbase/e2e", "e2e"],
  {
    CHROMIUM_PATH: chromium,
    CI: process.env.CI ?? "",
  },
);
// The rehearsals and the new-kit check share nothing (each its own Lakebase state folder, free ports and
// Playwright output folder) and wait on processes much of the time, so two run at once; the new-kit check,
// the longest (it installs and builds a kit), goes first so the four rehearsals fill the other slot beside it.
await stepsSideBySide(2, [
  {
    name: "new kit: scaffold → validate → check → rehearse",
    command: process.execPath,
    args: [join(root, "tooling/scripts/new-kit-rehearsal.mjs")],
    env: { CHROMIUM_PATH: chromium },
  },
  ...kitIds().map((kit) => ({
    name: `deploy rehearsal: ${kit}`,
    command: pnpmCommand,
    args: [
      ...pnpmPrefix,
      "appbase",
      "rehearse",
      kit,
      "--skip-build",
      "--state-dir",
      `.appbase/rehearsal-${kit}`,
    ],
    env: { CHROMIUM_PATH: chromium },
  })),
]);
finish();

/** `turbo run <task>` over the packages `filters` select (all when empty), `concurrency` at a time, every failure shown. */
function turboTests(filters, { task = "test", concurrency = TEST_PACKAGES_AT_ONCE } = {}) {
  return [
    ...pnpmPrefix,
    "exec",
    "turbo",
    "run",
    task,
    `--concurrency=${concurrency}`,
    "--continue",
    ...filters.map((filter) => `--filter=${filter}`),
  ];
}

/** Kit ids from apps/<kit>/kit.ts, through the CLI's discovery (the one implementation). */
function kitIds() {
  const listed = spawnSync(process.execPath, [join(root, "packages/cli/bin/appbase.mjs"), "kits", "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`appbase kits --json failed:\n${listed.stderr}`);
  return JSON.parse(listed.stdout).map((kit) => kit.id);
}
