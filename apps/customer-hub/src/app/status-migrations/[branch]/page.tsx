import { NotFoundError } from "@appbase/next-kit/errors";
import { PreviewDiff } from "@appbase/next-kit/preview-diff";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { StatusMigrationDecision } from "../../../components/status-migration-decision.tsx";
import { pageViewer } from "../../../server/kit.ts";
import { statusPreviews } from "../../../server/status-previews.ts";

export const dynamic = "force-dynamic";

/** One status migration preview: what it moves, its row diff against main, and the decision. */
export default async function StatusMigrationReviewPage({ params }: { params: Promise<{ branch: string }> }) {
  const viewer = await pageViewer("status.migrate", "status migrations");
  if (!viewer.identity) return viewer.refusal;
  const { branch } = await params;
  if (!statusPreviews.branchField.safeParse(branch).success)
    return <ErrorState title="No such preview" message="Pick a preview from Status migrations." />;
  let review: Awaited<ReturnType<typeof statusPreviews.review>>;
  try {
    review = await statusPreviews.review(process.env, branch);
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
        description={`${preview.plan.targets.length} customer(s), prepared by ${preview.preparedBy} on branch ${branch}.`}
      />
      {preview.plan.migration.note ? <p>Why: {preview.plan.migration.note}</p> : null}
      <Card title="Open the hub on this branch">
        <p>
          Every page there shows the branch in its environment badge. Run{" "}
          <code data-preview-command>appbase preview customer-hub --branch {branch}</code>
        </p>
      </Card>
      <PreviewDiff diff={diff} labelColumn="customer_id" />
      <StatusMigrationDecision branch={branch} />
    </>
  );
}
