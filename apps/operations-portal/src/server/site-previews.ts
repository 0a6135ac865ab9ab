import type { Preview } from "@appbase/branches/preview";
import type { Queryable } from "@appbase/db";
import { kitPreviews } from "@appbase/next-kit/previews";
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

type Env = Record<string, string | undefined>;
export type SitePreview = Preview<SiteChangePlan>;

/** The portal's previews of a site change (@appbase/next-kit/previews: made from and applied to main). */
export const sitePreviews = kitPreviews<SiteChange, SiteChangePlan, Viewer>({
  kit: kit.id,
  what: "site changes",
  diffTables: previewDiffTables,
  title: describeSiteChange,
  plan: (db, change, by) => planSiteChange(db, by, change),
  run: async (db, plan, by) => {
    const outcome = await runSiteChange(db, by, plan);
    if (outcome.conflicts.length > 0)
      throw new Error(
        `The preview branch refused ${outcome.conflicts.length} order(s): ${outcome.conflicts[0]?.reason}`,
      );
  },
});

/** Prepares a site change on a new branch of main: planned and run there, main untouched. */
export const prepareSitePreview = (env: Env, viewer: Viewer, change: SiteChange): Promise<SitePreview> =>
  sitePreviews.prepare(env, viewer, change);

export const listSitePreviews = (env: Env): Promise<SitePreview[]> => sitePreviews.list(env);

/** Re-applies the previewed change on main (conflicts reported, not overwritten); the branch goes. */
export const applySitePreview = (
  env: Env,
  main: Queryable,
  viewer: Viewer,
  branch: string,
): Promise<SiteChangeOutcome> => sitePreviews.apply(env, branch, (plan) => runSiteChange(main, viewer, plan));

export const discardSitePreview = (env: Env, branch: string): Promise<void> =>
  sitePreviews.discard(env, branch);
