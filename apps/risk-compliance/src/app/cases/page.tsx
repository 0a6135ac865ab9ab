import { rowOf } from "@appbase/db";
import { StatusBadge } from "@appbase/ui/badges";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { riskCase } from "../../db/schema/risk-case.ts";
import { DISPOSITION_LABELS, type Disposition, STATUS_LABELS } from "../../domain/cases/lifecycle.ts";
import { caseLabel } from "../../domain/cases/risk-case.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

export default async function CasesPage() {
  const viewer = await pageViewer("case.read", "cases");
  if (!viewer.identity) return viewer.refusal;
  // Without case.read-all a person sees the cases assigned to them or waiting for review.
  const all = can(viewer.identity, "case.read-all");
  const { rows } = await (await db()).query(
    `select * from risk_compliance.risk_case where $1::boolean or assignee = $2 or status = 'pending_review'
     order by case status when 'closed' then 1 else 0 end, updated_at desc limit 200`,
    [all, viewer.identity.email],
  );
  const cases = rows.map((r) => rowOf(riskCase, r));
  return (
    <>
      <PageHeader
        title="Cases"
        description={
          all ? "Every case, open ones first." : "Cases assigned to you, and those waiting for review."
        }
      />
      <table className="ab-table">
        <thead>
          <tr>
            <th>Case</th>
            <th>Title</th>
            <th>Risk</th>
            <th>Status</th>
            <th>Assignee</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/cases/${c.id}`}>{caseLabel(c)}</Link>
              </td>
              <td>{c.title}</td>
              <td>{c.riskLevel}</td>
              <td className="rc-row">
                <StatusBadge
                  tone={
                    c.status === "closed" ? "success" : c.status === "pending_review" ? "warning" : "info"
                  }
                >
                  {STATUS_LABELS[c.status as keyof typeof STATUS_LABELS]}
                </StatusBadge>
                {c.disposition && <span>{DISPOSITION_LABELS[c.disposition as Disposition]}</span>}
                {c.reopenCount > 0 && <StatusBadge tone="warning">Reopened</StatusBadge>}
              </td>
              <td>{c.assignee}</td>
              <td>{c.updatedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
