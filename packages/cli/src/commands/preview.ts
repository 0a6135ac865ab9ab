import { type Branch, BranchError, describeConnection } from "@appbase/branches";
import { branchEnv, branchPool } from "@appbase/branches/connect";
import { diffBranchSchema, formatSchemaChange } from "@appbase/branches/diff";
import { runPlaywrightSmoke, smokeSpecPath } from "@appbase/bundle/rehearse";
import { freePort, resolveStateDir, stopOnSignals } from "@appbase/db/local";
import type { Command } from "commander";
import { discoverKits, type Kit, selectKits } from "../kits.ts";
import { startKit } from "../orchestrator/kit-process.ts";
import { prepareDatabase } from "../orchestrator/prepare-database.ts";
import { CliError, findRepoRoot } from "../repo.ts";
import { branchPort, diffBranches, diffTablesOf, printRowDiff } from "./branch.ts";

/** `appbase preview <kit> --branch <b>`: the kit served against a branch instead of main. */
export function registerPreviewCommand(program: Command): void {
  program
    .command("preview <kit>")
    .description("run a kit against a Lakebase branch (locally), or print how to bind it to one (--project)")
    .requiredOption("--branch <name>", "the branch to run on")
    .option("--project <id>", "Lakebase Autoscaling project on Databricks")
    .option("--port <n>", "local port (default: a free one, so it runs beside `appbase up`)")
    .option("--prod", "next start (after a build) instead of next dev")
    .action(
      async (kitId: string, options: { branch: string; project?: string; port?: string; prod?: boolean }) => {
        const [kit] = selectKits(await discoverKits(findRepoRoot()), kitId);
        if (!kit) throw new CliError(`Unknown kit ${kitId}.`);
        const branch = await getBranch(options.branch, options.project);
        if (branch.connection.kind === "lakebase-endpoint") {
          console.log(
            `Branch ${branch.name}: endpoint ${branch.connection.endpoint} (${branch.connection.host ?? "host pending"}).`,
          );
          console.log(
            `The kit binds it as LAKEBASE_ENDPOINT=${branch.connection.endpoint} (valueFrom: postgres).`,
          );
          console.log(
            `Its bundle binds the app's postgres resource to the project's production branch; deploy a preview with that resource's branch set to projects/${options.project}/branches/${branch.name}.`,
          );
          return;
        }
        const port = options.port ? Number(options.port) : await freePort();
        const running = await startKit(
          { ...kit, port },
          { mode: options.prod ? "prod" : "dev", env: { ...process.env, ...branchEnv(branch) } },
        );
        console.log(
          `${kit.title} on branch ${branch.name}: ${running.url} (database ${describeConnection(branch)}). Ctrl-C stops it.`,
        );
        stopOnSignals(
          () => running.stop(),
          (line) => console.log(line),
        );
      },
    );
}

async function getBranch(name: string, project: string | undefined): Promise<Branch> {
  try {
    return await (await branchPort({ project })).get(name);
  } catch (error) {
    if (error instanceof BranchError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/**
 * `appbase migrate --preview`: pending migrations applied on a fresh branch of the local main, the
 * kits' smoke specs run against it, and the schema and row diff reported; main is not touched.
 * The branch is kept for a day (`appbase branch delete` removes it sooner).
 */
export async function runMigrationPreview(options: { kits?: string }): Promise<void> {
  const repoRoot = findRepoRoot();
  const kits = selectKits(await discoverKits(repoRoot), options.kits);
  const port = await branchPort({});
  const name = `migrate-preview-${new Date().toISOString().replace(/[-:]/g, "").replace("T", "t").slice(0, 15)}`;
  const main = await port.get(port.defaultBranch);
  const branch = await port.create({ name, ttlSeconds: 86_400 });
  console.log(
    `Branch ${name} created from ${main.name} (${describeConnection(branch)}); applying migrations there.`,
  );
  const prepared = await prepareDatabase({
    stateDir: resolveStateDir(process.env),
    env: { ...process.env, ...branchEnv(branch) },
    kits,
    seed: 42,
    scale: "default",
    skipSeed: true,
  });
  await prepared.db.close();

  const failures: string[] = [];
  for (const kit of kits) failures.push(...(await smokeOnBranch(repoRoot, kit, branch)));

  const before = await branchPool(main);
  const after = await branchPool(branch);
  try {
    const changes = await diffBranchSchema({
      parent: before.pool,
      branch: after.pool,
      schemas: kits.map((k) => k.schemaName),
    });
    console.log(
      changes.length
        ? `Schema changes:\n${changes.map((c) => `  ${formatSchemaChange(c)}`).join("\n")}`
        : "Schema: no changes.",
    );
  } finally {
    await before.close();
    await after.close();
  }
  for (const kit of kits) {
    const tables = await diffTablesOf({ kit: kit.id }).catch(() => []);
    if (tables.length === 0) console.log(`${kit.id}: no diffTables declared, row diff skipped.`);
    else printRowDiff(await diffBranches(main, branch, tables, 20));
  }
  console.log(
    `Main was not touched. Apply for real with \`appbase migrate\`; drop the preview with \`appbase branch delete ${name}\`.`,
  );
  if (failures.length > 0) throw new CliError(`Smoke failed on the preview branch:\n${failures.join("\n")}`);
}

/** Runs a kit's smoke spec against a kit server on the branch; returns failure lines. */
async function smokeOnBranch(repoRoot: string, kit: Kit, branch: Branch): Promise<string[]> {
  if (!smokeSpecPath(repoRoot, kit.id)) {
    console.log(`${kit.id}: no e2e/${kit.id}/smoke.spec.ts, smoke skipped.`);
    return [];
  }
  const running = await startKit(
    { ...kit, port: await freePort() },
    { mode: "dev", env: { ...process.env, ...branchEnv(branch) } },
  );
  try {
    const result = await runPlaywrightSmoke({ repoRoot, kit: kit.id, baseUrl: running.url });
    console.log(`${kit.id}: smoke ${result.passed ? "passed" : "FAILED"}`);
    return result.passed ? [] : [`${kit.id}: ${result.details.slice(-5).join("\n")}`];
  } finally {
    await running.stop();
  }
}
