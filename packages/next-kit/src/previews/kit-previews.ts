import { runningBranch } from "@appbase/bindings";
import { BranchError } from "@appbase/branches";
import type { TableRowDiff } from "@appbase/branches/diff";
import {
  applyPreview,
  branchPortFromEnv,
  diffPreview,
  discardPreview,
  listPreviews,
  type Preview,
  preparePreview,
  readPreview,
} from "@appbase/branches/preview";
import type pg from "pg";
import { z } from "zod";
import { FieldRuleError, NotFoundError } from "../action/errors.ts";

type Env = Record<string, string | undefined>;

/** What a kit previews: how to plan and run its change, where it shows, and what the diff covers. */
export interface KitPreviewsSpec<Change, Plan, Actor extends { email: string }> {
  kit: string;
  /** What the kit calls its previews in messages, e.g. "site changes". */
  what: string;
  /** `schema.table` names the review's row diff covers (the kit's diff tables). */
  diffTables: readonly string[];
  title(change: Change): string;
  /** Computes the plan on the fresh branch (which rows, at which versions), as the person preparing it. */
  plan(db: pg.Pool, change: Change, by: Actor): Promise<Plan>;
  /** Makes the change on the branch; throwing deletes the branch and the preparation fails. */
  run(db: pg.Pool, plan: Plan, by: Actor): Promise<void>;
}

/** A preview and its row diff against main. */
export interface PreviewReview<Plan> {
  preview: Preview<Plan>;
  diff: TableRowDiff[];
}

/**
 * A kit's previews of a change on a Lakebase branch (@appbase/branches/preview) with the kit's
 * rules: previews are made from and applied to main (a kit running on a branch refuses, on the
 * `branch` field), and a preview that is gone (applied, discarded, expired) is a NotFoundError.
 */
export function kitPreviews<Change, Plan, Actor extends { email: string }>(
  spec: KitPreviewsSpec<Change, Plan, Actor>,
) {
  const assertOnMain = (env: Env) => {
    const branch = runningBranch(env);
    if (branch)
      throw new FieldRuleError(
        "branch",
        `This kit runs on branch ${branch.name}; prepare and apply ${spec.what} from the kit on main.`,
      );
  };
  return {
    /** The `branch` input of apply and discard: one of this kit's preview branches (`<kit>-preview-<8 hex>`). */
    branchField: z
      .string({ error: `branch is required; pick one of the ${spec.what} from the list.` })
      .regex(
        new RegExp(`^${spec.kit}-preview-[0-9a-f]{8}$`),
        `branch must be a preview of ${spec.what}; pick one from the list.`,
      ),

    /** Prepares the change on a new branch of main: planned and run there, main untouched. */
    async prepare(env: Env, by: Actor, change: Change): Promise<Preview<Plan>> {
      assertOnMain(env);
      return preparePreview<Plan>(await branchPortFromEnv(env), {
        kit: spec.kit,
        title: spec.title(change),
        preparedBy: by.email,
        plan: (db) => spec.plan(db, change, by),
        run: (db, plan) => spec.run(db, plan, by),
      });
    },

    async list(env: Env): Promise<Preview<Plan>[]> {
      return listPreviews<Plan>(await branchPortFromEnv(env), spec.kit);
    },

    async review(env: Env, branch: string): Promise<PreviewReview<Plan>> {
      const port = await branchPortFromEnv(env);
      const preview = await notFoundIfGone(readPreview<Plan>(port, spec.kit, branch));
      return { preview, diff: await diffPreview(port, spec.kit, branch, spec.diffTables) };
    },

    /** Re-applies the recorded plan on main with `apply` (the kit's conflict rules); the branch goes. */
    async apply<Outcome>(
      env: Env,
      branch: string,
      apply: (plan: Plan) => Promise<Outcome>,
    ): Promise<Outcome> {
      assertOnMain(env);
      return notFoundIfGone(
        applyPreview<Plan, Outcome>(await branchPortFromEnv(env), spec.kit, branch, apply),
      );
    },

    /** Deletes the preview's branch; main was never touched. */
    async discard(env: Env, branch: string): Promise<void> {
      await notFoundIfGone(discardPreview(await branchPortFromEnv(env), spec.kit, branch));
    },
  };
}

/** A preview whose branch is gone reads as "not found" (a 404 with the branch's name), not a failure. */
export async function notFoundIfGone<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof BranchError && error.code === "NOT_FOUND") throw new NotFoundError(error.message);
    throw error;
  }
}
