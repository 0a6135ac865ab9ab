import { rowOf } from "@appbase/db";
import { PageHeader } from "@appbase/ui/shell";
import { policyVersion } from "../../db/schema/policy-version.ts";
import { db, pageViewer } from "../../server/kit.ts";

export default async function PoliciesPage() {
  const viewer = await pageViewer("policy.search", "policies");
  if (!viewer.identity) return viewer.refusal;
  const { rows } = await (await db()).query(
    "select * from risk_compliance.policy_version order by policy_id, published_at desc",
  );
  const versions = rows.map((r) => rowOf(policyVersion, r));
  return (
    <>
      <PageHeader
        title="Policies"
        description="Every version of every policy; the current one is what retrieval cites by default."
      />
      <table className="ab-table">
        <thead>
          <tr>
            <th>Policy</th>
            <th>Title</th>
            <th>Version</th>
            <th>Category</th>
            <th>Jurisdiction</th>
            <th>Effective</th>
            <th>Published by</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={`${v.policyId}@${v.version}`}>
              <td>{v.policyId}</td>
              <td>{v.title}</td>
              <td>
                v{v.version}
                {v.isCurrent ? " (current)" : ""}
              </td>
              <td>{v.category}</td>
              <td>{v.jurisdiction}</td>
              <td>{v.effectiveDate}</td>
              <td>{v.publishedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
