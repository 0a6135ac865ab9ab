import { PreviewReviewPage } from "@appbase/next-kit/preview-review";
import { StatusMigrationDecision } from "../../../components/status-migration-decision.tsx";
import { pageViewer } from "../../../server/kit.ts";
import { statusPreviews } from "../../../server/status-previews.ts";

export const dynamic = "force-dynamic";

/** One status migration preview: what it moves, its row diff against main, and the decision. */
export default async function StatusMigrationReviewPage({ params }: { params: Promise<{ branch: string }> }) {
  const viewer = await pageViewer("status.migrate", "status migrations");
  if (!viewer.identity) return viewer.refusal;
  const { branch } = await params;
  return (
    <PreviewReviewPage
      previews={statusPreviews}
      branch={branch}
      kit="customer-hub"
      kitName="the hub"
      listName="Status migrations"
      describe={(preview) =>
        `${preview.plan.targets.length} customer(s), prepared by ${preview.preparedBy} on branch ${branch}.`
      }
      note={(plan) => plan.migration.note}
      labelColumn="customer_id"
      decision={<StatusMigrationDecision branch={branch} />}
    />
  );
}
