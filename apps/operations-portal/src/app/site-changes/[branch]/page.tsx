import { PreviewReviewPage } from "@appbase/next-kit/preview-review";
import { SiteChangeDecision } from "../../../components/site-change-decision.tsx";
import { can, pageViewer } from "../../../server/kit.ts";
import { sitePreviews } from "../../../server/site-previews.ts";

export const dynamic = "force-dynamic";

/** One preview: what it changes, its row diff against main per diff table, and the decision. */
export default async function SiteChangeReviewPage({ params }: { params: Promise<{ branch: string }> }) {
  const viewer = await pageViewer("branch.preview", "site-change previews");
  if (!viewer.identity) return viewer.refusal;
  const { branch } = await params;
  return (
    <PreviewReviewPage
      previews={sitePreviews}
      branch={branch}
      kit="operations-portal"
      kitName="the portal"
      listName="Site changes"
      describe={(preview) => `Prepared by ${preview.preparedBy} on branch ${branch}.`}
      note={(plan) => plan.change.note}
      labelColumn="number"
      decision={<SiteChangeDecision branch={branch} canApply={can(viewer.identity, "site.change")} />}
    />
  );
}
