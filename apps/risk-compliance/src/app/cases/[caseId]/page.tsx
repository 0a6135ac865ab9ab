import { AgentProvenance } from "@appbase/next-kit/kit-link";
import { StatusBadge } from "@appbase/ui/badges";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { z } from "zod";
import { addNoteAction, moveCaseAction } from "../../../actions/cases.ts";
import { ActionForm, FormField } from "../../../components/action-form.tsx";
import { CaseMoveFields } from "../../../components/case-move-fields.tsx";
import { DecisionAsOf } from "../../../components/decision-as-of.tsx";
import { EntityCustomerLinks } from "../../../components/entity-customer-links.tsx";
import { EvidenceUploadForm } from "../../../components/evidence-upload-form.tsx";
import { HighlightedPassage } from "../../../components/highlighted-passage.tsx";
import { RelevantPolicies } from "../../../components/relevant-policies.tsx";
import { alertsOfCase } from "../../../domain/alerts/list-alerts.ts";
import { auditTrail } from "../../../domain/audit/audit-trail.ts";
import { verifyAudit } from "../../../domain/audit/verify-audit.ts";
import {
  DISPOSITION_LABELS,
  type Disposition,
  needsFourEyes,
  STATUS_LABELS,
  TRANSITIONS,
} from "../../../domain/cases/lifecycle.ts";
import { caseLabel, getCase } from "../../../domain/cases/risk-case.ts";
import { caseEntityCustomers } from "../../../domain/entities/entity-customers.ts";
import { listEvidence } from "../../../domain/evidence/add-evidence.ts";
import { filingOfCase } from "../../../domain/intake/triage-intake.ts";
import { similarCases } from "../../../domain/policies/evidence-search.ts";
import { hasRetrieval } from "../../../domain/policies/policy-versions.ts";
import { searchPolicies } from "../../../domain/policies/search-policies.ts";
import { kitEmbedder } from "../../../server/embedder.ts";
import { kitGovernance } from "../../../server/governance.ts";
import { can, db, pageViewer } from "../../../server/kit.ts";
import { linkTo } from "../../../server/links.ts";

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<{ asOf?: string | string[] }>;
}) {
  const viewer = await pageViewer("case.read", "cases");
  if (!viewer.identity) return viewer.refusal;
  const { caseId } = await params;
  const { asOf } = await searchParams;
  if (!z.uuid().safeParse(caseId).success)
    return <ErrorState title="No such case" message="The link names no case." />;
  const pool = await db();
  const kase = await getCase(pool, caseId).catch(() => null);
  if (!kase) return <ErrorState title="No such case" message={`Case ${caseId} does not exist.`} />;
  const [alerts, evidence, trail, audit] = await Promise.all([
    alertsOfCase(pool, caseId),
    listEvidence(pool, caseId),
    auditTrail(pool, caseId),
    verifyAudit(pool, { caseId }),
  ]);
  const broken = audit.breaks[0];
  // A case an agent filed (POST /api/intake/triage) links back to the thread that filed it.
  const filing = await filingOfCase(pool, caseId);
  const threadLink = filing
    ? await linkTo({ kit: filing.sourceKit, entity: "thread", id: filing.threadId })
    : null;
  const embedder = kitEmbedder();
  const query = alerts.map((a) => a.ruleName).join(". ") || kase.title;
  const retrieval = await hasRetrieval(pool);
  const policies = retrieval ? await searchPolicies(pool, embedder, { text: query, limit: 3 }) : null;
  const evidenceText = evidence.map((e) => `${e.title}. ${e.body}`).join(" ") || query;
  const similar = retrieval
    ? await similarCases(pool, embedder, { text: evidenceText, excludeCaseId: kase.id })
    : [];
  const moves = (Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]).filter(
    (m) =>
      (TRANSITIONS[m].from as readonly string[]).includes(kase.status) &&
      !(m === "close" && needsFourEyes(kase.riskLevel as "high")),
  );
  const hidden = { caseId: kase.id, expectedVersion: String(kase.version) };
  const governed = await kitGovernance();
  return (
    <>
      <PageHeader
        title={`${caseLabel(kase)} · ${kase.title}`}
        description={`Risk ${kase.riskLevel} · assigned to ${kase.assignee ?? "nobody"} · version ${kase.version}`}
      />
      <p className="rc-row">
        <StatusBadge
          tone={kase.status === "closed" ? "success" : kase.status === "pending_review" ? "warning" : "info"}
        >
          {STATUS_LABELS[kase.status as keyof typeof STATUS_LABELS]}
        </StatusBadge>
        {kase.disposition && (
          <StatusBadge tone="neutral">{DISPOSITION_LABELS[kase.disposition as Disposition]}</StatusBadge>
        )}
        {kase.reopenCount > 0 && <StatusBadge tone="warning">Reopened ×{kase.reopenCount}</StatusBadge>}
        {broken ? (
          <StatusBadge tone="danger" title={broken.reason}>
            Audit chain broken at event #{broken.seq}
            {broken.eventId !== null ? ` (row ${broken.eventId})` : ""}
          </StatusBadge>
        ) : (
          <StatusBadge tone="success">Audit chain verified ({audit.eventsChecked} events)</StatusBadge>
        )}
      </p>
      {filing && threadLink && (
        <AgentProvenance
          label="Filed by an agent"
          lead="Filed by an agent after a human review"
          thread={threadLink}
          threadId={filing.threadId}
        />
      )}
      {kase.status === "pending_review" && (
        <p>
          Proposed: <strong>{DISPOSITION_LABELS[kase.proposedDisposition as Disposition]}</strong> by{" "}
          {kase.proposedBy} — “{kase.proposalRationale}”
        </p>
      )}
      <div className="rc-grid">
        <section>
          {can(viewer.identity, "case.investigate") && moves.length > 0 && (
            <div className="rc-card">
              <h2>Lifecycle</h2>
              <ActionForm
                label="Apply"
                action={moveCaseAction}
                hidden={hidden}
                fields={["move", "disposition", "note"]}
              >
                <CaseMoveFields moves={moves} />
              </ActionForm>
            </div>
          )}
          <div className="rc-card">
            <h2>Alerts ({alerts.length})</h2>
            <ul className="rc-list">
              {alerts.map((a) => (
                <li key={a.id}>
                  <a href={`/alerts/${a.id}`}>{a.ruleId}</a> {a.ruleName} · {a.entityId} · {a.status}
                </li>
              ))}
            </ul>
          </div>
          <div className="rc-card">
            <h2>Entities and customers</h2>
            <EntityCustomerLinks parties={await caseEntityCustomers(pool, caseId)} />
          </div>
          <div className="rc-card">
            <h2>Evidence ({evidence.length})</h2>
            <ul className="rc-list">
              {evidence.map((e) => (
                <li key={e.id}>
                  <strong>{e.title}</strong>{" "}
                  <span className="rc-muted">
                    ({e.kind}, by {e.addedBy})
                  </span>
                  {e.kind === "link" && e.url ? (
                    <div>{e.url}</div>
                  ) : e.kind === "file" ? (
                    <div>
                      {e.fileName} · {e.contentType} · {e.sizeBytes} bytes · stored in {e.storage}
                    </div>
                  ) : (
                    <div>{e.body.slice(0, 300)}</div>
                  )}
                  <code className="rc-cite">sha256 {e.sha256}</code>
                </li>
              ))}
            </ul>
            {kase.status !== "closed" && can(viewer.identity, "evidence.write") && (
              <>
                <ActionForm
                  label="Add note"
                  action={addNoteAction}
                  hidden={hidden}
                  fields={["title", "text"]}
                >
                  <FormField name="title" label="Title">
                    <input name="title" maxLength={200} placeholder="Title" />
                  </FormField>
                  <FormField name="text" label="Note">
                    <textarea name="text" maxLength={20000} rows={3} placeholder="What you found" />
                  </FormField>
                </ActionForm>
                <EvidenceUploadForm caseId={kase.id} version={kase.version} />
              </>
            )}
          </div>
          <DecisionAsOf
            caseId={kase.id}
            governance={governed.governance}
            unavailable={governed.unavailable}
            asOf={typeof asOf === "string" ? asOf : undefined}
          />
          <div className="rc-card">
            <h2>Audit trail</h2>
            <ol className="rc-list">
              {trail.map((t) => (
                <li key={t.id}>
                  #{t.seq} {t.at.toISOString().slice(0, 16).replace("T", " ")} {t.actor} · {t.action}
                  {t.field
                    ? ` · ${t.field}: ${JSON.stringify(t.previousValue)} → ${JSON.stringify(t.newValue)}`
                    : ""}
                </li>
              ))}
            </ol>
          </div>
        </section>
        <div>
          <RelevantPolicies hits={policies} embedder={embedder} />
          <aside className="rc-card" aria-label="Similar past cases">
            <h2>Similar past cases</h2>
            {similar.length === 0 ? (
              <p className="rc-muted">No other case's evidence reads like this one's.</p>
            ) : (
              <ol className="rc-list">
                {similar.map((s) => (
                  <li key={s.caseId}>
                    <a href={`/cases/${s.caseId}`}>CASE-{s.caseNumber}</a> {s.title}{" "}
                    <span className="rc-muted">
                      ({s.status}
                      {s.disposition ? `, ${DISPOSITION_LABELS[s.disposition as Disposition]}` : ""})
                    </span>
                    <HighlightedPassage passage={s.passage} />
                  </li>
                ))}
              </ol>
            )}
          </aside>
        </div>
      </div>
    </>
  );
}
