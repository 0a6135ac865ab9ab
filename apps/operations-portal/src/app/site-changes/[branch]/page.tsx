import { NotFoundError } from "@appbase/next-kit/errors";
import { PreviewDiff } from "@appbase/next-kit/preview-diff";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { SiteChangeDecision } from "../../../components/site-change-decision.tsx";
import { can, pageViewer } from "../../../server/kit.ts";
import { reviewSitePreview } from "../../../server/site-previews.ts";

export const dynamic = "force-dynamic";

/** One preview: what it changes, its row diff against main per diff table, and the decision. */
export default async function SiteChangeReviewPage({ params }: { params: Promise<{ branch: string }> }) {
  const viewer = await pageViewer("branch.preview", "site-change previews");
  if (!viewer.identity) return viewer.refusal;
  const { branch } = await params;
  if (!/^operations-portal-preview-[0-9a-f]{8}$/.test(branch))
    return <ErrorState title="No such preview" message="Pick a preview from Site changes." />;
  let review: Awaited<ReturnType<typeof reviewSitePreview>>;
  try {
    review = await reviewSitePreview(process.env, branch);
  } catch (error) {
    if (error instanceof NotFoundError)
      return <ErrorState title="This preview is gone" message="It was applied, discarded or expired." />;
    throw error;
  }
  const { preview, diff } = review;
  return (
    <>
      <PageHeader
        title={preview.title}
        description={`Prepared by ${preview.preparedBy} on branch ${branch}.`}
      />
      {preview.plan.change.note ? <p>Why: {preview.plan.change.note}</p> : null}
      <Card title="Open the portal on this branch">
        <p>
          Every page there shows the branch in its environment badge. Run{" "}
          <code data-preview-command>appbase preview operations-portal --branch {branch}</code>
        </p>
      </Card>
      <PreviewDiff diff={diff} labelColumn="number" />
      <SiteChangeDecision branch={branch} canApply={can(viewer.identity, "site.change")} />
    </>
  );
}
