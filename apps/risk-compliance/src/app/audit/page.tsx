import { StatusBadge } from "@appbase/ui/badges";
import { PageHeader } from "@appbase/ui/shell";
import { AuditExportButton } from "../../components/audit-export-button.tsx";
import { verifyAudit } from "../../domain/audit/verify-audit.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

export default async function AuditPage() {
  const viewer = await pageViewer("audit.read", "the audit trail");
  if (!viewer.identity) return viewer.refusal;
  const result = await verifyAudit(await db());
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every case change is an event chained by SHA-256; this page recomputes every chain."
      />
      <p className="rc-row">
        <StatusBadge tone={result.ok ? "success" : "danger"}>
          {result.ok ? "All chains verify" : `${result.breaks.length} broken chain(s)`}
        </StatusBadge>
        <span className="rc-muted">
          {result.casesChecked} cases, {result.eventsChecked} events checked
        </span>
      </p>
      {result.breaks.length > 0 && (
        <ul className="rc-list">
          {result.breaks.map((b) => (
            <li key={b.caseId}>
              <a href={`/cases/${b.caseId}`}>CASE-{b.caseNumber}</a>: breaks at event #{b.seq}
              {b.eventId !== null ? ` (row ${b.eventId})` : ""}: {b.reason}
            </li>
          ))}
        </ul>
      )}
      {can(viewer.identity, "audit.export") && <AuditExportButton />}
    </>
  );
}
