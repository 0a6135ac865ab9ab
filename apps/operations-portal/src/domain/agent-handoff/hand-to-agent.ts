import type { Queryable } from "@appbase/db";
import { ConflictError } from "@appbase/next-kit/errors";
import { getAlert } from "../alerts/alerts.ts";

/** The agent in Agent Ops that plans maintenance from an alert, and the kit that runs it. */
export const PLANNER_AGENT = { kit: "agent-ops", agent: "maintenance-planner" } as const;

/** Starts an agent run in Agent Ops (its POST /api/runs), once per idempotency key. */
export type StartAgentRun = (body: {
  idempotencyKey: string;
  agent: string;
  request: string;
  requestedBy: string;
}) => Promise<{ threadId: string }>;

export interface AlertHandoff {
  alertId: string;
  agentKit: string;
  threadId: string;
  handedBy: string;
  handedAt: Date;
}

interface HandoffRow {
  alert_id: string;
  agent_kit: string;
  thread_id: string;
  handed_by: string;
  handed_at: Date;
}

const toHandoff = (r: HandoffRow): AlertHandoff => ({
  alertId: r.alert_id,
  agentKit: r.agent_kit,
  threadId: r.thread_id,
  handedBy: r.handed_by,
  handedAt: r.handed_at,
});

/** The hand-offs of these alerts, by alert id. */
export async function handoffsOf(
  db: Queryable,
  alertIds: readonly string[],
): Promise<Map<string, AlertHandoff>> {
  if (alertIds.length === 0) return new Map();
  const { rows } = await db.query<HandoffRow>(
    "select * from operations_portal.alert_handoff where alert_id = any($1::uuid[])",
    [alertIds],
  );
  return new Map(rows.map((r) => [r.alert_id, toHandoff(r)]));
}

/**
 * Hands an open alert to the maintenance-planner agent: Agent Ops starts a run (keyed by the alert,
 * so a second hand-off, even a concurrent one, gets the same thread) and the alert records the thread.
 * A closed alert is not handed; one already handed answers its thread without calling Agent Ops.
 */
export async function handAlertToAgent(
  db: Queryable,
  input: { alertId: string; actor: string },
  startRun: StartAgentRun,
): Promise<AlertHandoff & { alreadyHanded: boolean }> {
  const known = (await handoffsOf(db, [input.alertId])).get(input.alertId);
  if (known) return { ...known, alreadyHanded: true };
  const alert = await getAlert(db, input.alertId);
  if (alert.status !== "open" && alert.status !== "claimed")
    throw new ConflictError(
      `The alert is ${alert.status.replace("_", " ")}; only an open alert is handed to an agent.`,
      {
        status: alert.status,
      },
    );
  const { threadId } = await startRun({
    idempotencyKey: `operations-portal:alert:${alert.id}`,
    agent: PLANNER_AGENT.agent,
    request: `Plan maintenance for asset ${alert.assetId}: alert ${alert.id} (${alert.ruleDescription}, value ${alert.value}).`,
    requestedBy: input.actor,
  });
  await db.query(
    `insert into operations_portal.alert_handoff (alert_id, agent_kit, thread_id, handed_by)
     values ($1, $2, $3, $4) on conflict (alert_id) do nothing`,
    [alert.id, PLANNER_AGENT.kit, threadId, input.actor],
  );
  const stored = (await handoffsOf(db, [alert.id])).get(alert.id) as AlertHandoff;
  return { ...stored, alreadyHanded: false };
}
