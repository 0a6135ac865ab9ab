import { type ApplyMigrationsOptions, applyMigrations } from "@appbase/db";
import type pg from "pg";
import type { Branch, BranchPort } from "../branch-port.ts";
import { branchPool } from "../connect-branch.ts";
import { diffBranchRows, type TableRowDiff } from "../diff/row-diff.ts";
import { type BranchSchemaChange, diffBranchSchema, userSchemas } from "../diff/schema-diff.ts";

/** One kit's smoke run against the preview branch. */
export interface SmokeOutcome {
  kit: string;
  passed: boolean;
  /** The last lines of its output (the failure, when it failed). */
  details: string[];
}

export interface MigrationPreviewInput {
  port: BranchPort;
  /** The branch to create from the default branch, e.g. `migrate-preview-20261206t1700`. */
  name: string;
  /** Whose migrations to apply, in order (datasets first, then the kits'). */
  owners: readonly ApplyMigrationsOptions[];
  /** `schema.table` names whose rows the report compares (the kits' declared diff tables). */
  diffTables: readonly string[];
  /** Runs the kits' smoke specs against the branch, after the migrations and before the diff. */
  smoke(branch: Branch): Promise<SmokeOutcome[]>;
  /** Default one day: a forgotten preview goes away by itself (`appbase branch cleanup`). */
  ttlSeconds?: number;
  /** Rows listed per change kind and table (counts are always complete). */
  limit?: number;
}

export interface MigrationPreview {
  branch: Branch;
  parent: Branch;
  applied: { owner: string; applied: number }[];
  smoke: SmokeOutcome[];
  schema: BranchSchemaChange[];
  rows: TableRowDiff[];
}

async function withPool<T>(branch: Branch, fn: (db: pg.Pool) => Promise<T>): Promise<T> {
  const { pool, close } = await branchPool(branch);
  try {
    return await fn(pool);
  } finally {
    await close();
  }
}

/**
 * `appbase migrate --preview`: the pending migrations applied on a fresh branch of the default one,
 * the smoke specs run against that branch, and the schema and row diff against the default branch.
 * The default branch is only read. A migration that fails deletes the branch (each owner's
 * migrations run in one transaction, so there is nothing half-applied to look at) and rethrows.
 */
export async function previewMigrations(input: MigrationPreviewInput): Promise<MigrationPreview> {
  const parent = await input.port.get(input.port.defaultBranch);
  const branch = await input.port.create({ name: input.name, ttlSeconds: input.ttlSeconds ?? 86_400 });
  let applied: MigrationPreview["applied"];
  try {
    applied = await withPool(branch, async (db) => {
      const out: MigrationPreview["applied"] = [];
      for (const owner of input.owners)
        out.push({ owner: owner.owner, ...(await applyMigrations(db, owner)) });
      return out;
    });
  } catch (error) {
    await input.port.delete(branch.name).catch(() => undefined);
    throw error;
  }
  const smoke = await input.smoke(branch);
  const { schema, rows } = await withPool(parent, (before) =>
    withPool(branch, async (after) => {
      const schemas = await userSchemas([before, after]);
      return {
        schema: await diffBranchSchema({ parent: before, branch: after, schemas }),
        rows: await diffBranchRows({
          parent: before,
          branch: after,
          tables: input.diffTables,
          limit: input.limit ?? 20,
        }),
      };
    }),
  );
  return { branch, parent, applied, smoke, schema, rows };
}
