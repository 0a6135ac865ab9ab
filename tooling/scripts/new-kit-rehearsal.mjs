#!/usr/bin/env node
// Proves `appbase new kit` yields a deployable kit with no edit: in a scratch copy of this repository
// (the working tree's files, so uncommitted changes count), scaffold a fifth kit, install, then run the
// same three checks CI runs for every kit — bundle schema validation, the portability gate, and the
// deploy rehearsal (stage, run as Databricks Apps does, smoke in Chromium). Exits non-zero on any failure.
// Usage: node tooling/scripts/new-kit-rehearsal.mjs [--keep]   (pnpm test:new-kit)
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pnpmInvocation } from "./lib/pnpm.mjs";

const KIT = "field-service";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const keep = process.argv.includes("--keep");
const [pnpm, ...pnpmPrefix] = pnpmInvocation(root);

const scratch = mkdtempSync(join(tmpdir(), "appbase-new-kit-"));
const repo = join(scratch, "repo");
const cleanup = () =>
  keep ? console.log(`Kept ${scratch}`) : rmSync(scratch, { recursive: true, force: true });

function run(label, command, args, cwd = repo) {
  const started = Date.now();
  console.log(`\n── ${label} ── ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, CI: "" } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✘ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds}s.`);
    cleanup();
    process.exit(1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

// The files git would hand a fresh clone, as they are in this working tree.
const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
  cwd: root,
  encoding: "utf8",
});
if (listed.status !== 0) {
  console.error(`git ls-files failed in ${root}: ${listed.stderr}`);
  process.exit(1);
}
for (const file of listed.stdout.split("\0").filter(Boolean)) {
  const from = join(root, file);
  if (!existsSync(from)) continue; // deleted in the working tree
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  cpSync(from, join(repo, file), { verbatimSymlinks: true });
}
// The bundle schema and references live in ../shared beside the repository.
symlinkSync(resolve(root, "..", "shared"), join(scratch, "shared"));
console.log(`Scratch copy of ${root} in ${repo}`);

// The lockfile gains the new kit's importer, so it cannot stay frozen.
const install = [
  ...pnpmPrefix,
  "install",
  "--prefer-offline",
  "--no-frozen-lockfile",
  "--reporter=append-only",
];
run("install", pnpm, install);
run(`appbase new kit ${KIT}`, pnpm, [...pnpmPrefix, "appbase", "new", "kit", KIT]);
run("install the new kit", pnpm, install);
const kits = spawnSync(process.execPath, [join(repo, "packages/cli/bin/appbase.mjs"), "kits", "--json"], {
  cwd: repo,
  encoding: "utf8",
});
if (kits.status !== 0 || !JSON.parse(kits.stdout).some((kit) => kit.id === KIT)) {
  console.error(`appbase kits does not list ${KIT} (apps/${KIT}/kit.ts):\n${kits.stderr}`);
  cleanup();
  process.exit(1);
}
run("bundle schema validation", pnpm, [...pnpmPrefix, "appbase", "bundle", "validate", KIT]);
run("portability gate", pnpm, [...pnpmPrefix, "appbase", "check", "--kits", KIT]);
run("deploy rehearsal", pnpm, [
  ...pnpmPrefix,
  "appbase",
  "rehearse",
  KIT,
  "--state-dir",
  join(scratch, "rehearsal-state"),
]);
console.log(
  `\n✔ A kit scaffolded with \`appbase new kit ${KIT}\` passes validation, the gate and rehearsal.`,
);
cleanup();
