import { lakebaseProjectId } from "@appbase/bindings";
import { type Branch, describeConnection } from "@appbase/branches";
import { branchEnv } from "@appbase/branches/connect";
import { formatSchemaChange } from "@appbase/branches/diff";
import { previewMigrations, type SmokeOutcome } from "@appbase/branches/preview";
import { deployCommands } from "@appbase/bundle/deploy";
import { LAKEBASE_BRANCH_VARIABLE } from "@appbase/bundle/generate";
import { runPlaywrightSmoke, smokeSpecPath } from "@appbase/bundle/rehearse";
import { freePort, stopOnSignals } from "@appbase/db/local";
import { qualifiedName } from "@appbase/grants";
import { governanceMigrations } from "@appbase/lakehouse/governance";
import type { Command } from "commander";
import { governedTablesOf } from "../kit-modules.ts";
import { discoverKits, type Kit, selectKits } from "../kits.ts";
import { startKit } from "../orchestrator/kit-process.ts";
import { migrationOwners } from "../orchestrator/prepare-database.ts";
import { CliError, findRepoRoot } from "../repo.ts";
import { branchPort, printRowDiff, withBranchErrors } from "./branch.ts";
import { deployStaged } from "./bundle.ts";

interface PreviewOptions {
  branch: string;
  target?: string;
  project?: string;
  profile?: string;
  deploy?: boolean;
  port?: string;
  prod?: boolean;
}

/**
 * How a kit's deployed app is bound to a Lakebase branch: its bundle's `lakebase_branch` variable
 * (default `production`) names the branch of the target's project (`<kit>-<target>`) that the app's
 * `postgres` resource uses. Returns the variables and the Databricks CLI commands, run in bundles/<kit>.
 */
export function databricksPreviewBinding(input: {
  kit: string;
  target: string;
  branch: string;
  profile?: string;
}): { project: string; variables: Record<string, string>; commands: string[][] } {
  const variables = { [LAKEBASE_BRANCH_VARIABLE]: input.branch };
  return {
    project: lakebaseProjectId(input.kit, input.target),
    variables,
    commands: deployCommands({ kit: input.kit, target: input.target, variables, profile: input.profile }),
  };
}

/** `appbase preview <kit> --branch <b>`: the kit served against a branch instead of main. */
export function registerPreviewCommand(program: Command): void {
  program
    .command("preview <kit>")
    .description(
      "run a kit against a Lakebase branch (locally), or bind the kit's app on a bundle target to one (--target)",
    )
    .requiredOption("--branch <name>", "the branch to run on")
    .option(
      "--target <target>",
      "Databricks: the bundle target whose app binds the branch (its project is <kit>-<target>)",
    )
    .option("--project <id>", "Lakebase Autoscaling project (default with --target: <kit>-<target>)")
    .option("--profile <name>", "Databricks CLI profile for --deploy")
    .option("--deploy", "with --target: stage and deploy the binding now (as `appbase deploy`)")
    .option("--port <n>", "local port (default: a free one, so it runs beside `appbase up`)")
    .option("--prod", "next start (after a build) instead of next dev")
    .action(async (kitId: string, options: PreviewOptions) => {
      const [kit] = selectKits(await discoverKits(findRepoRoot()), kitId);
      if (!kit) throw new CliError(`Unknown kit ${kitId}.`);
      if (options.deploy && !options.target) throw new CliError("--deploy needs --target <target>.");
      if (options.target || options.project) return previewOnDatabricks(kit, options);
      const branch = await withBranchErrors(async () => (await branchPort({})).get(options.branch));
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
    });
}

/** The branch checked on the project, then the bundle binding printed (and deployed with --deploy). */
async function previewOnDatabricks(kit: Kit, options: PreviewOptions): Promise<void> {
  const project = options.project ?? (options.target && lakebaseProjectId(kit.id, options.target));
  if (!project) throw new CliError("Name the deploy target (--target) or the Lakebase project (--project).");
  const branch = await withBranchErrors(async () => (await branchPort({ project })).get(options.branch));
  if (branch.connection.kind !== "lakebase-endpoint") throw new CliError(`${branch.name} has no endpoint.`);
  console.log(
    `Branch ${branch.name} of ${project} (${branch.state}): endpoint ${branch.connection.endpoint} (${branch.connection.host ?? "host pending"}).`,
  );
  if (!options.target) {
    console.log(
      `Pass --target <target> to bind the kit's deployed app to it (the target whose project is ${project}).`,
    );
    return;
  }
  const binding = databricksPreviewBinding({
    kit: kit.id,
    target: options.target,
    branch: branch.name,
    profile: options.profile,
  });
  if (binding.project !== project)
    throw new CliError(
      `Target ${options.target} deploys project ${binding.project}, not ${project}: create the branch there.`,
    );
  if (options.deploy) {
    await deployStaged(kit, {
      target: options.target,
      variables: binding.variables,
      profile: options.profile,
    });
    console.log(
      `${kit.id} (${options.target}) now runs on branch ${branch.name}; deploy without the variable to return to production.`,
    );
    return;
  }
  console.log(
    `The app binds it through the bundle variable ${LAKEBASE_BRANCH_VARIABLE}; in bundles/${kit.id}:`,
  );
  for (const args of binding.commands) console.log(`  databricks ${args.join(" ")}`);
  console.log(
    `(\`appbase preview ${kit.id} --branch ${branch.name} --target ${options.target} --deploy\` stages and runs them; deploy again without --var ${LAKEBASE_BRANCH_VARIABLE} to return to production.)`,
  );
}

/**
 * `appbase migrate --preview`: the pending migrations applied on a fresh branch of the local main,
 * each kit's smoke spec run against a kit server on that branch, and the schema and row diff
 * reported; main is not touched. The branch is kept for a day (`appbase branch delete` removes it sooner).
 */
export async function runMigrationPreview(options: { kits?: string; prod?: boolean }): Promise<void> {
  const repoRoot = findRepoRoot();
  const kits = selectKits(await discoverKits(repoRoot), options.kits);
  const governed = governedTablesOf(kits).length > 0;
  const diffTables = kits.flatMap((kit) => (kit.diffTables ?? []).map((table) => qualifiedName(table)));
  const name = `migrate-preview-${new Date().toISOString().replace(/[-:]/g, "").replace("T", "t").slice(0, 15)}`;
  const report = await withBranchErrors(async () =>
    previewMigrations({
      port: await branchPort({}),
      name,
      owners: [...migrationOwners(kits), ...(governed ? [governanceMigrations] : [])],
      diffTables,
      smoke: async (branch) => {
        console.log(
          `Branch ${branch.name} migrated (${describeConnection(branch)}); running the smoke specs.`,
        );
        const outcomes: SmokeOutcome[] = [];
        for (const kit of kits) outcomes.push(await smokeOnBranch(repoRoot, kit, branch, options.prod));
        return outcomes;
      },
    }),
  );
  for (const { owner, applied } of report.applied)
    console.log(
      `Migrations for ${owner}: ${applied === 0 ? "none pending" : `${applied} applied on the branch`}`,
    );
  for (const smoke of report.smoke) console.log(`${smoke.kit}: smoke ${smoke.passed ? "passed" : "FAILED"}`);
  console.log(
    report.schema.length
      ? `Schema changes:\n${report.schema.map((c) => `  ${formatSchemaChange(c)}`).join("\n")}`
      : "Schema: no changes.",
  );
  if (diffTables.length === 0) console.log("No kit declares diffTables: row diff skipped.");
  else printRowDiff(report.rows);
  console.log(
    `${report.parent.name} was not touched. Apply for real with \`appbase migrate\`; drop the preview with \`appbase branch delete ${name}\`.`,
  );
  const failures = report.smoke.filter((s) => !s.passed);
  if (failures.length > 0)
    throw new CliError(
      `Smoke failed on the preview branch:\n${failures.map((f) => `${f.kit}:\n${f.details.slice(-8).join("\n")}`).join("\n")}`,
    );
}

/**
 * Runs a kit's smoke spec against a kit server on the branch. Under `next dev` the kit's pages are
 * requested once first: a page compiled on first visit can outlast the spec's timeout on two cores.
 */
async function smokeOnBranch(
  repoRoot: string,
  kit: Kit,
  branch: Branch,
  prod?: boolean,
): Promise<SmokeOutcome> {
  if (!smokeSpecPath(repoRoot, kit.id)) {
    console.log(`${kit.id}: no e2e/${kit.id}/smoke.spec.ts, smoke skipped.`);
    return { kit: kit.id, passed: true, details: ["no smoke spec"] };
  }
  const running = await startKit(
    { ...kit, port: await freePort() },
    { mode: prod ? "prod" : "dev", env: { ...process.env, ...branchEnv(branch) } },
  );
  try {
    if (!prod) for (const page of ["/", ...kit.nav.map((n) => n.href)]) await warm(`${running.url}${page}`);
    const result = await runPlaywrightSmoke({
      repoRoot,
      kit: kit.id,
      baseUrl: running.url,
      // Pages not warmed (a customer's detail) still compile on first visit under next dev.
      timeoutMs: prod ? undefined : 300_000,
    });
    return { kit: kit.id, passed: result.passed, details: result.details };
  } finally {
    await running.stop();
  }
}

async function warm(url: string): Promise<void> {
  await fetch(url, { signal: AbortSignal.timeout(240_000) })
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
}
