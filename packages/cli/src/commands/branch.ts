import { type Branch, BranchError, type BranchPort, describeConnection } from "@appbase/branches";
import { branchPool } from "@appbase/branches/connect";
import { lakebaseBranchPort } from "@appbase/branches/databricks";
import { diffBranchRows, type TableRowDiff } from "@appbase/branches/diff";
import { parseTtlSeconds } from "@appbase/branches/duration";
import { LocalBranches } from "@appbase/branches/local";
import { resolveStateDir } from "@appbase/db/local";
import { qualifiedName } from "@appbase/grants";
import type { Command } from "commander";
import { discoverKits, selectKits } from "../kits.ts";
import { CliError, findRepoRoot } from "../repo.ts";

interface Target {
  project?: string;
}

/** The branch port: Lakebase Autoscaling when `--project` is given (DATABRICKS_HOST + M2M credentials), else the local Lakebase. */
export async function branchPort(target: Target): Promise<BranchPort> {
  if (!target.project) return LocalBranches.connect(resolveStateDir(process.env));
  try {
    return lakebaseBranchPort(process.env, target.project);
  } catch (error) {
    if (error instanceof BranchError) throw new CliError(`--project: ${error.message}`);
    throw error;
  }
}

/** Runs a branch action; a BranchError becomes a CLI error naming its code. */
export async function withBranchErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof BranchError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

function parseTime(text: string, flag: string): Date {
  const time = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(time.getTime()))
    throw new CliError(
      `${flag} must be an ISO time such as 2026-12-06T13:00:00Z (got "${text.slice(0, 40)}").`,
    );
  return time;
}

function printBranch(branch: Branch): void {
  const parts = [
    branch.name.padEnd(24),
    (branch.parent ?? "(root)").padEnd(12),
    branch.state.padEnd(8),
    describeConnection(branch),
    branch.expireTime ? `expires ${branch.expireTime}` : "",
  ];
  console.log(parts.join(" ").trimEnd());
}

/** The tables a diff shows: `--tables a.b,c.d`, else the kit's declared `diffTables`. */
export async function diffTablesOf(options: { kit?: string; tables?: string }): Promise<string[]> {
  if (options.tables)
    return options.tables
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  if (!options.kit)
    throw new CliError("Name the tables: --kit <kit> (its declared diff tables) or --tables schema.table,…");
  const [kit] = selectKits(await discoverKits(findRepoRoot()), options.kit);
  const tables = kit?.diffTables ?? [];
  if (tables.length === 0)
    throw new CliError(`Kit ${options.kit} declares no diffTables in its kit.ts; pass --tables.`);
  return tables.map((table) => qualifiedName(table));
}

/** Prints a row diff: counts per table, then the listed rows. */
export function printRowDiff(diffs: readonly TableRowDiff[]): void {
  for (const diff of diffs) {
    const { inserted, updated, deleted } = diff.counts;
    const only = diff.only ? ` (table only on the ${diff.only})` : "";
    console.log(`${diff.table}${only}: +${inserted} inserted, ~${updated} updated, -${deleted} deleted`);
    for (const row of diff.inserted) console.log(`  + ${JSON.stringify(row.key)}`);
    for (const row of diff.updated) console.log(`  ~ ${JSON.stringify(row.key)} ${row.columns.join(", ")}`);
    for (const row of diff.deleted) console.log(`  - ${JSON.stringify(row.key)}`);
    const listed = diff.inserted.length + diff.updated.length + diff.deleted.length;
    if (listed < inserted + updated + deleted)
      console.log(`  … ${inserted + updated + deleted - listed} more (use --limit)`);
    if (diff.uncomparedColumns.length > 0)
      console.log(`  columns on one side only (not compared): ${diff.uncomparedColumns.join(", ")}`);
  }
}

/** Row diff of `branch` against `parent` over the given tables. */
export async function diffBranches(
  parent: Branch,
  branch: Branch,
  tables: string[],
  limit: number,
): Promise<TableRowDiff[]> {
  const before = await branchPool(parent);
  const after = await branchPool(branch);
  try {
    return await diffBranchRows({ parent: before.pool, branch: after.pool, tables, limit });
  } finally {
    await before.close();
    await after.close();
  }
}

/** `appbase branch create|list|diff|reset|restore|delete|snapshot|cleanup`. */
export function registerBranchCommands(program: Command): void {
  const branch = program
    .command("branch")
    .description("Lakebase branches: the local Lakebase's, or a Databricks project's with --project")
    .option("--project <id>", "Lakebase Autoscaling project on Databricks (default: the local Lakebase)");
  const port = () => branchPort(branch.opts<Target>());

  branch
    .command("create <name>")
    .description("create a branch from its parent's current data, or from a point in time with --at")
    .option("--from <parent>", "parent branch (default: main locally, production on Databricks)")
    .option("--at <time>", "ISO time of the parent to start from")
    .option("--ttl <duration>", "delete it after this long, e.g. 90m, 12h, 7d (max 30d)")
    .action((name: string, options: { from?: string; at?: string; ttl?: string }) =>
      withBranchErrors(async () => {
        const ttlSeconds = options.ttl === undefined ? undefined : parseTtlSeconds(options.ttl);
        if (options.ttl !== undefined && ttlSeconds === undefined)
          throw new CliError(
            `--ttl must be like 90m, 12h or 7d, between 1 minute and 30 days (got "${options.ttl.slice(0, 20)}").`,
          );
        const created = await (await port()).create({
          name,
          parent: options.from,
          at: options.at ? parseTime(options.at, "--at") : undefined,
          ttlSeconds,
        });
        printBranch(created);
      }),
    );

  branch
    .command("list")
    .description("list branches with parent, state, connection and expiry")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) =>
      withBranchErrors(async () => {
        const branches = await (await port()).list();
        if (options.json) console.log(JSON.stringify(branches, null, 2));
        else for (const b of branches) printBranch(b);
      }),
    );

  branch
    .command("diff <name>")
    .description("row-level diff of a branch against its parent: inserted, updated (columns), deleted")
    .option("--kit <kit>", "the tables the kit declares (kit.ts diffTables)")
    .option("--tables <list>", "schema.table,… instead")
    .option("--limit <n>", "rows listed per change kind and table", "20")
    .option("--json", "print JSON")
    .action((name: string, options: { kit?: string; tables?: string; limit: string; json?: boolean }) =>
      withBranchErrors(async () => {
        const branches = await port();
        const child = await branches.get(name);
        if (!child.parent) throw new CliError(`${name} is a root branch; diff a branch made from it.`);
        const diffs = await diffBranches(
          await branches.get(child.parent),
          child,
          await diffTablesOf(options),
          Number(options.limit) || 20,
        );
        if (options.json) console.log(JSON.stringify(diffs, null, 2));
        else printRowDiff(diffs);
      }),
    );

  branch
    .command("reset <name>")
    .description("replace a branch's data with its parent's current data")
    .action((name: string) => withBranchErrors(async () => printBranch(await (await port()).reset(name))));

  branch
    .command("restore <name>")
    .description(
      "bring a branch back to a time before now; later writes are kept on another branch and listed",
    )
    .requiredOption("--to <time>", "ISO time to restore to")
    .option("--kit <kit>", "list the later writes in the kit's diff tables")
    .option("--tables <list>", "schema.table,… to list the later writes in")
    .action((name: string, options: { to: string; kit?: string; tables?: string }) =>
      withBranchErrors(async () => {
        const outcome = await (await port()).restore(name, parseTime(options.to, "--to"));
        console.log(`${outcome.restored.name} now holds the data as of ${outcome.restoredTo}.`);
        console.log(
          `Writes after that point are on ${outcome.laterWrites.name} (${describeConnection(outcome.laterWrites)}):`,
        );
        if (options.kit || options.tables)
          printRowDiff(
            await diffBranches(outcome.restored, outcome.laterWrites, await diffTablesOf(options), 20),
          );
        else console.log("  (pass --kit or --tables to list them)");
      }),
    );

  branch
    .command("delete <name>")
    .description("delete a branch and its data")
    .action((name: string) =>
      withBranchErrors(async () => {
        await (await port()).delete(name);
        console.log(`Deleted ${name}.`);
      }),
    );

  branch
    .command("snapshot <name>")
    .description(
      "local Lakebase: keep the branch's current state as a point in time (it also does so periodically)",
    )
    .action((name: string) =>
      withBranchErrors(async () => {
        const branches = await port();
        if (!(branches instanceof LocalBranches))
          throw new CliError(
            "Snapshots are local; Lakebase keeps its own history (the project's restore window).",
          );
        const snapshot = await branches.snapshot(name);
        console.log(
          `Kept ${name} as of ${snapshot.takenAt} (${snapshot.bytes.toLocaleString("en-US")} bytes).`,
        );
      }),
    );

  branch
    .command("cleanup")
    .description("delete branches whose TTL has expired")
    .action(() =>
      withBranchErrors(async () => {
        const deleted = await (await port()).deleteExpired();
        console.log(deleted.length > 0 ? `Deleted expired: ${deleted.join(", ")}.` : "No expired branches.");
      }),
    );
}
