import { rowOf } from "@appbase/db";
import { PageHeader } from "@appbase/ui/shell";
import { PublishPolicyForm } from "../../components/publish-policy-form.tsx";
import { policyVersion } from "../../db/schema/policy-version.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

export default async function PoliciesPage() {
  const viewer = await pageViewer("policy.search", "policies");
  if (!viewer.identity) return viewer.refusal;
  const { rows } = await (await db()).query(
    "select * from risk_compliance.policy_version order by policy_id, published_at desc",
  );
  const versions = rows.map((r) => rowOf(policyVersion, r));
  const current = versions
    .filter((v) => v.isCurrent)
    .map((v) => ({ id: v.policyId, title: v.title, version: v.version }));
  return (
    <>
      <PageHeader
        title="Policies"
        description="Every version of every policy; the current one is what retrieval cites by default."
      />
      {can(viewer.identity, "policy.publish") && (
        <section className="rc-card" aria-label="Publish a policy version">
          <h2>Publish a new version</h2>
          <PublishPolicyForm policies={current} />
        </section>
      )}
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
