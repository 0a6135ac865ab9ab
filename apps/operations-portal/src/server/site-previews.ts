import { runningBranch } from "@appbase/bindings";
import { BranchError } from "@appbase/branches";
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
import type { Queryable } from "@appbase/db";
import { FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import kit from "../../kit.ts";
import type { Viewer } from "../domain/access.ts";
import {
  describeSiteChange,
  planSiteChange,
  previewDiffTables,
  runSiteChange,
  type SiteChange,
  type SiteChangeOutcome,
  type SiteChangePlan,
} from "../domain/site-changes/site-change.ts";

const KIT = kit.id;
type Env = Record<string, string | undefined>;
export type SitePreview = Preview<SiteChangePlan>;

/** Previews are made from, and applied to, main: a kit already running on a branch refuses. */
function assertOnMain(env: Env): void {
  const branch = runningBranch(env);
  if (branch)
    throw new FieldRuleError(
      "branch",
      `This portal runs on branch ${branch.name}; prepare and apply site changes from the main portal.`,
    );
}

/** Prepares a site change on a new branch of main: planned and run there, main untouched. */
export async function prepareSitePreview(env: Env, viewer: Viewer, change: SiteChange): Promise<SitePreview> {
  assertOnMain(env);
  return preparePreview<SiteChangePlan>(await branchPortFromEnv(env), {
    kit: KIT,
    title: describeSiteChange(change),
    preparedBy: viewer.email,
    plan: (db) => planSiteChange(db, viewer, change),
    run: async (db, plan) => {
      const outcome = await runSiteChange(db, viewer, plan);
      if (outcome.conflicts.length > 0)
        throw new Error(
          `The preview branch refused ${outcome.conflicts.length} order(s): ${outcome.conflicts[0]?.reason}`,
        );
    },
  });
}

/** A preview that is gone (applied, discarded, expired) is "not found" to the person asking. */
async function notFoundIfGone<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof BranchError && error.code === "NOT_FOUND") throw new NotFoundError(error.message);
    throw error;
  }
}

export async function listSitePreviews(env: Env): Promise<SitePreview[]> {
  return listPreviews<SiteChangePlan>(await branchPortFromEnv(env), KIT);
}

/** A preview and its row diff against main over the kit's diff tables. */
export async function reviewSitePreview(env: Env, branch: string) {
  const port = await branchPortFromEnv(env);
  const preview = await notFoundIfGone(readPreview<SiteChangePlan>(port, KIT, branch));
  return { preview, diff: await diffPreview(port, KIT, branch, previewDiffTables) };
}

/** Re-applies the previewed change on main (conflicts reported, not overwritten); the branch goes. */
export async function applySitePreview(
  env: Env,
  main: Queryable,
  viewer: Viewer,
  branch: string,
): Promise<SiteChangeOutcome> {
  assertOnMain(env);
  return notFoundIfGone(
    applyPreview<SiteChangePlan, SiteChangeOutcome>(await branchPortFromEnv(env), KIT, branch, (plan) =>
      runSiteChange(main, viewer, plan),
    ),
  );
}

export async function discardSitePreview(env: Env, branch: string): Promise<void> {
  await notFoundIfGone(discardPreview(await branchPortFromEnv(env), KIT, branch));
}
