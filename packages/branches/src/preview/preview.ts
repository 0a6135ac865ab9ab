import { randomBytes } from "node:crypto";
import type pg from "pg";
import { type Branch, BranchError, type BranchPort } from "../branch-port.ts";
import { branchPool } from "../connect-branch.ts";
import { diffBranchRows, type TableRowDiff } from "../diff/row-diff.ts";

/**
 * Previews of a change: the change runs on a fresh branch of the default one, reviewers read the
 * row diff, then the kit re-applies it on main (its own domain functions, its own conflict rules)
 * or discards it. What was planned lives on the branch itself (`appbase_preview.preview`, outside
 * every kit's schema and diff tables), so a preview is exactly one branch and nothing to clean up.
 */
export interface Preview<Plan> {
  branch: string;
  kit: string;
  title: string;
  plan: Plan;
  preparedBy: string;
  preparedAt: string;
}

export interface PreparePreviewInput<Plan> {
  kit: string;
  title: string;
  preparedBy: string;
  /** Computes the plan on the fresh branch (e.g. which rows at which versions), before it runs. */
  plan(db: pg.Pool): Promise<Plan>;
  /** Makes the change on the branch. */
  run(db: pg.Pool, plan: Plan): Promise<void>;
  /** Default 7 days: a forgotten preview goes away by itself. */
  ttlSeconds?: number;
}

const RECORD_DDL = `create schema if not exists appbase_preview;
  create table if not exists appbase_preview.preview (
    branch text primary key, kit text not null, title text not null, plan jsonb not null,
    prepared_by text not null, prepared_at timestamptz not null default now())`;

/** Branch names: `<kit>-preview-<random>`, lower-case letters, digits and hyphens as Lakebase allows. */
const branchPrefix = (kit: string) => `${kit}-preview-`;
export const isPreviewBranch = (kit: string, name: string) =>
  name.startsWith(branchPrefix(kit)) && /^[a-z0-9-]{1,63}$/.test(name);

async function withBranchDb<T>(branch: Branch, fn: (db: pg.Pool) => Promise<T>): Promise<T> {
  const { pool, close } = await branchPool(branch);
  try {
    return await fn(pool);
  } finally {
    await close();
  }
}

/** Creates the branch, records the plan on it and runs the change; a failed run deletes the branch. */
export async function preparePreview<Plan>(
  port: BranchPort,
  input: PreparePreviewInput<Plan>,
): Promise<Preview<Plan>> {
  const name = `${branchPrefix(input.kit)}${randomBytes(4).toString("hex")}`;
  const branch = await port.create({ name, ttlSeconds: input.ttlSeconds ?? 7 * 86_400 });
  try {
    return await withBranchDb(branch, async (db) => {
      const plan = await input.plan(db);
      await db.query(RECORD_DDL);
      const { rows } = await db.query<{ prepared_at: Date }>(
        `insert into appbase_preview.preview (branch, kit, title, plan, prepared_by)
         values ($1, $2, $3, $4, $5) returning prepared_at`,
        [name, input.kit, input.title, JSON.stringify(plan), input.preparedBy],
      );
      await input.run(db, plan);
      return {
        branch: name,
        kit: input.kit,
        title: input.title,
        plan,
        preparedBy: input.preparedBy,
        preparedAt: new Date(rows[0]?.prepared_at ?? Date.now()).toISOString(),
      };
    });
  } catch (error) {
    await port.delete(name).catch(() => undefined);
    throw error;
  }
}

interface PreviewRow {
  branch: string;
  kit: string;
  title: string;
  plan: unknown;
  prepared_by: string;
  prepared_at: Date;
}

/** The preview recorded on a branch; NOT_FOUND when the branch is not a preview of this kit. */
export async function readPreview<Plan>(port: BranchPort, kit: string, name: string): Promise<Preview<Plan>> {
  if (!isPreviewBranch(kit, name))
    throw new BranchError("NOT_FOUND", `${name} is not a preview of ${kit}; pick one from the list.`);
  const branch = await port.get(name);
  const row = await withBranchDb(branch, async (db) => {
    const { rows } = await db.query<PreviewRow>(
      "select * from appbase_preview.preview where branch = $1 and kit = $2",
      [name, kit],
    );
    return rows[0];
  }).catch(() => undefined);
  if (!row) throw new BranchError("NOT_FOUND", `Branch ${name} holds no preview of ${kit}.`);
  return {
    branch: row.branch,
    kit: row.kit,
    title: row.title,
    plan: row.plan as Plan,
    preparedBy: row.prepared_by,
    preparedAt: new Date(row.prepared_at).toISOString(),
  };
}

/**
 * Takes one more step of a preview that is worked over time (e.g. a reviewer's decisions, one per
 * request): `step` runs on the branch and returns the plan with that step recorded; the plan is
 * stored after the step succeeds, so a refused step records nothing.
 */
export async function extendPreview<Plan>(
  port: BranchPort,
  kit: string,
  name: string,
  step: (db: pg.Pool, plan: Plan) => Promise<Plan>,
): Promise<Preview<Plan>> {
  const preview = await readPreview<Plan>(port, kit, name);
  const branch = await port.get(name);
  const plan = await withBranchDb(branch, async (db) => {
    const next = await step(db, preview.plan);
    await db.query("update appbase_preview.preview set plan = $2 where branch = $1", [
      name,
      JSON.stringify(next),
    ]);
    return next;
  });
  return { ...preview, plan };
}

/** A kit's open previews, newest first. */
export async function listPreviews<Plan>(port: BranchPort, kit: string): Promise<Preview<Plan>[]> {
  const names = (await port.list()).map((b) => b.name).filter((n) => isPreviewBranch(kit, n));
  const previews: Preview<Plan>[] = [];
  for (const name of names) {
    const preview = await readPreview<Plan>(port, kit, name).catch(() => undefined);
    if (preview) previews.push(preview);
  }
  return previews.sort((a, b) => b.preparedAt.localeCompare(a.preparedAt));
}

/** Row diff of the preview branch against the default branch, over the kit's diff tables. */
export async function diffPreview(
  port: BranchPort,
  kit: string,
  name: string,
  tables: readonly string[],
  limit = 50,
): Promise<TableRowDiff[]> {
  await readPreview(port, kit, name);
  const [main, branch] = await Promise.all([port.get(port.defaultBranch), port.get(name)]);
  return withBranchDb(main, (parent) =>
    withBranchDb(branch, (db) => diffBranchRows({ parent, branch: db, tables, limit })),
  );
}

/** Drops a preview: its branch is deleted, the default branch was never touched. */
export async function discardPreview(port: BranchPort, kit: string, name: string): Promise<void> {
  await readPreview(port, kit, name);
  await port.delete(name);
}

/**
 * Applies a preview: `apply` re-runs the recorded plan on the default branch (the kit's own domain
 * functions, which report what changed there since as conflicts), then the branch is deleted. If
 * `apply` throws, the branch stays so the preview can be looked at again.
 */
export async function applyPreview<Plan, Outcome>(
  port: BranchPort,
  kit: string,
  name: string,
  apply: (plan: Plan) => Promise<Outcome>,
): Promise<Outcome> {
  const preview = await readPreview<Plan>(port, kit, name);
  const outcome = await apply(preview.plan);
  await port.delete(name);
  return outcome;
}
