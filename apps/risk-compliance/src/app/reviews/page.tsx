import { rowOf } from "@appbase/db";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import Link from "next/link";
import { OpenReviewForm } from "../../components/open-review-form.tsx";
import { riskCase } from "../../db/schema/risk-case.ts";
import { STATUS_LABELS } from "../../domain/cases/lifecycle.ts";
import { caseLabel } from "../../domain/cases/risk-case.ts";
import { caseReviews } from "../../server/case-reviews.ts";
import { db, pageViewer } from "../../server/kit.ts";

export default async function ReviewsPage() {
  const viewer = await pageViewer("case.decide", "case reviews");
  if (!viewer.identity) return viewer.refusal;
  const [reviews, open] = await Promise.all([
    caseReviews.list(process.env).catch((error: Error) => error),
    (await db()).query(
      "select * from risk_compliance.risk_case where status <> 'closed' order by number limit 100",
    ),
  ]);
  const cases = open.rows.map((r) => rowOf(riskCase, r));
  return (
    <>
      <PageHeader
        title="Case reviews on a branch"
        description="Work a set of cases on a Lakebase branch; main changes only when you apply the review."
      />
      <div className="rc-grid">
        <section className="rc-card" aria-label="Open reviews">
          <h2>Open reviews</h2>
          {reviews instanceof Error ? (
            <p className="ab-action-error">Branches are not available: {reviews.message}</p>
          ) : reviews.length === 0 ? (
            <EmptyState title="No open reviews" />
          ) : (
            <ul className="rc-list">
              {reviews.map((r) => (
                <li key={r.branch}>
                  <Link href={`/reviews/${r.branch}`}>{r.title}</Link>{" "}
                  <span className="rc-muted">
                    by {r.preparedBy}, {r.plan.decisions.length} decision(s) · <code>{r.branch}</code>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <OpenReviewForm
          cases={cases.map((c) => ({
            id: c.id,
            label: `${caseLabel(c)} · ${c.title}`,
            status: STATUS_LABELS[c.status as keyof typeof STATUS_LABELS],
          }))}
        />
      </div>
    </>
  );
}
