import { PreviewDiff } from "@appbase/next-kit/preview-diff";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { decideInReviewAction } from "../../../actions/reviews.ts";
import { ActionForm } from "../../../components/action-form.tsx";
import { CaseMoveFields, MOVE_LABELS } from "../../../components/case-move-fields.tsx";
import { ReviewOutcome } from "../../../components/review-outcome.tsx";
import { DISPOSITION_LABELS, STATUS_LABELS, TRANSITIONS } from "../../../domain/cases/lifecycle.ts";
import { caseLabel } from "../../../domain/cases/risk-case.ts";
import { caseReviews, casesOnBranch } from "../../../server/case-reviews.ts";
import { pageViewer } from "../../../server/kit.ts";

export default async function ReviewPage({ params }: { params: Promise<{ branch: string }> }) {
  const viewer = await pageViewer("case.decide", "case reviews");
  if (!viewer.identity) return viewer.refusal;
  const { branch } = await params;
  if (!caseReviews.branchField.safeParse(branch).success)
    return <ErrorState title="No such review" message="The link names no case review." />;
  const found = await Promise.all([
    caseReviews.review(process.env, branch),
    casesOnBranch(process.env, branch),
  ]).catch((error: Error) => error);
  if (found instanceof Error)
    return (
      <ErrorState
        title="No such review"
        message={`${found.message} It may have been applied or discarded.`}
      />
    );
  const [{ preview, diff }, cases] = found;
  return (
    <>
      <PageHeader
        title={preview.title}
        description={`Branch ${preview.branch}, opened by ${preview.preparedBy}. Decisions here change the branch only.`}
      />
      <ReviewOutcome branch={branch} decisions={preview.plan.decisions.length} />
      <div className="rc-grid">
        <section>
          {cases.map((c) => {
            const moves = (Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]).filter((m) =>
              (TRANSITIONS[m].from as readonly string[]).includes(c.status),
            );
            return (
              <div className="rc-card" key={c.id} data-review-case={c.id}>
                <h2>
                  {caseLabel(c)} · {c.title}
                </h2>
                <p className="rc-muted">
                  On the branch: {STATUS_LABELS[c.status as keyof typeof STATUS_LABELS]}, risk {c.riskLevel},
                  version {c.version}
                  {c.proposedBy ? ` · proposed by ${c.proposedBy}` : ""}
                </p>
                <ActionForm
                  label="Decide on branch"
                  action={decideInReviewAction}
                  hidden={{ branch, caseId: c.id, expectedVersion: String(c.version) }}
                  fields={["move", "disposition", "note"]}
                >
                  <CaseMoveFields moves={moves} />
                </ActionForm>
              </div>
            );
          })}
          <div className="rc-card">
            <h2>Decisions on this branch ({preview.plan.decisions.length})</h2>
            <ol className="rc-list">
              {preview.plan.decisions.map((d, i) => (
                <li key={`${d.caseId}-${i}`}>
                  {MOVE_LABELS[d.move]} {d.disposition ? `(${DISPOSITION_LABELS[d.disposition]})` : ""} by{" "}
                  {d.actor} on {caseLabel(cases.find((c) => c.id === d.caseId) ?? { number: 0 })}
                </li>
              ))}
            </ol>
          </div>
        </section>
        <section aria-label="Diff against main">
          <PreviewDiff diff={diff} labelColumn="number" />
        </section>
      </div>
    </>
  );
}
