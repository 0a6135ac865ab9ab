import { relative } from "node:path";
import { deployBlockers, deployKit } from "@appbase/bundle/deploy";
import { writeKitBundle } from "@appbase/bundle/generate";
import {
  bundleDirOf,
  listBundles,
  loadKitBundleDeclaration,
  validateKitBundle,
} from "@appbase/bundle/repository";
import { formatProblem, loadBundleSchema } from "@appbase/bundle/schema";
import { stageKit } from "@appbase/bundle/stage";
import type { Command } from "commander";
import { discoverKits, type Kit, selectKits } from "../kits.ts";
import { createProgress } from "../progress.ts";
import { CliError, findRepoRoot } from "../repo.ts";

function bundlesFor(repoRoot: string, kit: string | undefined): string[] {
  const all = listBundles(repoRoot);
  if (!kit) return all;
  if (!all.includes(kit)) {
    throw new CliError(`No bundle for ${kit} under bundles/. Bundles here: ${all.join(", ") || "none"}.`);
  }
  return [kit];
}

/** `appbase bundle generate|validate|stage`: the per-kit Databricks bundles. */
export function registerBundleCommands(program: Command): void {
  const bundle = program
    .command("bundle")
    .description("generate, validate and stage the per-kit Databricks bundles");

  bundle
    .command("generate [kit]")
    .description("write databricks.yml and app.yaml from each kit's bundles/<kit>/bundle.ts declaration")
    .action(async (kit: string | undefined) => {
      const repoRoot = findRepoRoot();
      for (const id of bundlesFor(repoRoot, kit)) {
        const changed = writeKitBundle(
          await loadKitBundleDeclaration(repoRoot, id),
          bundleDirOf(repoRoot, id),
        );
        console.log(`${id}: ${changed.length ? `wrote ${changed.join(", ")}` : "up to date"}`);
      }
    });

  bundle
    .command("validate [kit]")
    .description(
      "check every databricks.yml (includes merged) against the bundle JSON schema, and that generated files are current",
    )
    .action(async (kit: string | undefined) => {
      const repoRoot = findRepoRoot();
      const { schema, source } = loadBundleSchema({ repoRoot });
      console.log(`Bundle schema: ${source.kind} (${source.location})`);
      let failed = 0;
      for (const id of bundlesFor(repoRoot, kit)) {
        const report = await validateKitBundle(repoRoot, id, schema);
        const lines = [
          ...report.problems.map((problem) => formatProblem(problem, repoRoot)),
          ...report.drift.map(
            (d) =>
              `${relative(repoRoot, d.file)}: ${d.state === "missing" ? "missing" : "out of date"}; run \`appbase bundle generate ${id}\``,
          ),
        ];
        console.log(`${lines.length === 0 ? "ok  " : "FAIL"} ${id}`);
        for (const line of lines) console.log(`  ${line}`);
        if (lines.length > 0) failed++;
      }
      if (failed > 0) throw new CliError(`${failed} bundle(s) failed validation.`);
    });

  bundle
    .command("stage <kit>")
    .description(
      "build the kit (Next.js standalone) and write bundles/<kit>/app, the folder the bundle deploys",
    )
    .option("--skip-build", "stage the existing .next/standalone output without building")
    .option("--out <dir>", "write the staged folder here instead of bundles/<kit>/app")
    .option("--verbose", "print the build output")
    .action(async (kitId: string, options: { skipBuild?: boolean; out?: string; verbose?: boolean }) => {
      const repoRoot = findRepoRoot();
      const [kit] = selectKits(await discoverKits(repoRoot), kitId);
      if (!kit) throw new CliError(`No kit ${kitId} under apps/.`);
      let copy: ReturnType<typeof createProgress> | undefined;
      const staged = await stageKit({
        repoRoot,
        kit: { kit: kit.id, dir: kit.dir },
        build: !options.skipBuild,
        ...(options.out ? { outDir: options.out } : {}),
        onProgress: (step, done, total) => {
          if (step === "copying") {
            copy ??= createProgress("Copying the standalone server");
            copy.update(done ?? 0, total);
            if (done !== undefined && done === total) copy.done(`${total} files`);
          } else {
            console.log(`${kitId}: ${step}…`);
          }
        },
        onBuildOutput: (line) => {
          if (options.verbose) console.log(`[build] ${line}`);
        },
      });
      const megabytes = (staged.bytes / 1024 / 1024).toFixed(1);
      console.log(
        `Staged ${kitId} in ${relative(repoRoot, staged.outDir)}: ${staged.files} files, ${megabytes} MB (server ${staged.serverPath}).`,
      );
    });
}

export function collectVariable(pair: string, previous: Record<string, string>): Record<string, string> {
  const at = pair.indexOf("=");
  if (at <= 0) throw new CliError(`--var ${pair}: write it as name=value, e.g. --var catalog=main`);
  return { ...previous, [pair.slice(0, at)]: pair.slice(at + 1) };
}

/** `appbase deploy <kit> --target <t>`: stage, then `databricks bundle validate`, `deploy` and `run`. */
export function registerDeployCommand(program: Command): void {
  program
    .command("deploy <kit>")
    .description("stage the kit and deploy its bundle with the Databricks CLI (bundle validate, deploy, run)")
    .requiredOption("--target <target>", "bundle target: dev, staging or prod")
    .option(
      "--var <name=value>",
      "a bundle variable (repeatable); BUNDLE_VAR_<name> works too",
      collectVariable,
      {},
    )
    .option("--profile <name>", "Databricks CLI profile to use")
    .option("--skip-stage", "deploy the folder already staged in bundles/<kit>/app")
    .action(
      async (
        kitId: string,
        options: { target: string; var: Record<string, string>; profile?: string; skipStage?: boolean },
      ) => {
        const repoRoot = findRepoRoot();
        const [kit] = selectKits(await discoverKits(repoRoot), kitId);
        if (!kit) throw new CliError(`No kit ${kitId} under apps/.`);
        await deployStaged(kit, { ...options, variables: options.var });
      },
    );
}

/** Checks what blocks a deploy, stages the kit (unless `skipStage`) and deploys its bundle to `target`. */
export async function deployStaged(
  kit: Kit,
  options: { target: string; variables: Record<string, string>; profile?: string; skipStage?: boolean },
): Promise<void> {
  const repoRoot = findRepoRoot();
  const request = {
    repoRoot,
    kit: kit.id,
    target: options.target,
    variables: options.variables,
    ...(options.profile ? { profile: options.profile } : {}),
  };
  const blockers = deployBlockers(request);
  if (blockers.length > 0)
    throw new CliError(`Cannot deploy ${kit.id} yet:\n${blockers.map((b) => `  - ${b}`).join("\n")}`);
  if (!options.skipStage) {
    await stageKit({
      repoRoot,
      kit: { kit: kit.id, dir: kit.dir },
      onProgress: (step, done, total) => {
        if (step !== "copying") console.log(`stage: ${step}…`);
        else if (done === total) console.log(`stage: copied ${total} files`);
      },
    });
  }
  await deployKit({ ...request, onLine: (line) => console.log(line) });
  console.log(`Deployed ${kit.id} to target ${options.target}.`);
}
