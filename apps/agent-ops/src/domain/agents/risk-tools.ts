import { z } from "zod";
import { defineAgentTool, idempotencyKey } from "./agent-tool.ts";
import { readServed } from "./served-data.ts";

const entityId = z
  .string()
  .regex(/^E\d{7}$/, "entityId must be a risk entity id like E0000012 (risk.entities.entity_id)");

/** An entity's profile and latest risk score from the served `risk` tables. */
export const lookupEntity = defineAgentTool({
  name: "lookup_entity",
  description:
    "Profile of a monitored entity (type, country, PEP, KYC) with its latest risk score and factors",
  schema: z.object({ entityId }),
  async run({ entityId: id }, { db }) {
    const [entity] = await readServed<Record<string, unknown>>(
      db,
      "risk.entities",
      `select e.entity_id, e.entity_type, e.name, e.country_code, e.sector, e.is_pep, e.kyc_status,
              s.score, s.band, s.top_factors, s.scored_at
       from risk.entities e
       left join lateral (select score, band, top_factors, scored_at from risk.risk_scores r
                          where r.entity_id = e.entity_id order by scored_at desc limit 1) s on true
       where e.entity_id = $1`,
      [id],
    );
    if (!entity) throw new Error(`Entity ${id} is not in risk.entities; check the id.`);
    return JSON.stringify(entity);
  },
});

/** The entity's open alerts (new or triaging), most severe first. */
export const listOpenAlerts = defineAgentTool({
  name: "list_open_alerts",
  description: "Open alerts (new or triaging) of an entity, most severe first, at most 10",
  schema: z.object({ entityId }),
  async run({ entityId: id }, { db }) {
    const alerts = await readServed(
      db,
      "risk.alerts",
      `select alert_id, rule_name, severity, status, score, opened_at from risk.alerts
       where entity_id = $1 and status in ('new', 'triaging')
       order by array_position(array['critical','high','medium','low'], severity), opened_at desc
       limit 10`,
      [id],
    );
    return JSON.stringify({ entityId: id, openAlerts: alerts });
  },
});

/** What the Risk kit's intake route answers (apps/risk-compliance POST /api/intake/triage). */
interface TriageFiled {
  action: string;
  alertIds: string[];
  caseId: string | null;
  caseLabel: string | null;
  replayed: boolean;
}

/**
 * Files the triage outcome in the Risk & Compliance kit through its owning route, never its tables;
 * runs only after a human approved it. The key is the thread and tool call, so a retried or resumed
 * call files once; an escalation answers the case it opened, which the thread links to.
 */
export const fileTriageAction = defineAgentTool({
  name: "file_triage_action",
  description:
    "File the triage outcome for an entity: escalate to a case, keep monitoring, or dismiss its open alerts",
  schema: z.object({
    entityId,
    action: z.enum(["escalate", "monitor", "dismiss"]),
    alertIds: z.array(z.string().max(20)).max(50).default([]),
    reason: z.string().min(1).max(500),
  }),
  async run({ entityId: id, action, alertIds, reason }, { kits }, call) {
    if (!kits)
      throw new Error(
        "This run cannot reach the Risk & Compliance kit (no kit caller here), so nothing was filed; resume it from the Agent Ops app.",
      );
    const filed = await kits<TriageFiled>({
      kit: "risk-compliance",
      path: "/api/intake/triage",
      body: {
        idempotencyKey: idempotencyKey(call),
        sourceKit: "agent-ops",
        threadId: call.threadId,
        entityId: id,
        action,
        alertIds,
        reason,
      },
    });
    return JSON.stringify({
      entityId: id,
      action,
      alertIds: filed.alertIds,
      reason,
      filed: true,
      ...(filed.caseId
        ? {
            filedIn: {
              kit: "risk-compliance",
              entity: "case",
              id: filed.caseId,
              label: filed.caseLabel ?? "case",
            },
          }
        : {}),
    });
  },
});

export const evidenceTools = [lookupEntity, listOpenAlerts];
export const triageTools = [fileTriageAction];
