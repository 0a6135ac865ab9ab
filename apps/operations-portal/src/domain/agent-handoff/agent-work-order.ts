import { createHash } from "node:crypto";
import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import type pg from "pg";
import type { Viewer } from "../access.ts";
import { claimAlert, getAlert, openWorkOrderFromAlert } from "../alerts/alerts.ts";
import { inLockedTransaction } from "../locked-transaction.ts";
import type { Priority } from "../work-orders/priority.ts";
import { workOrderLabel } from "../work-orders/work-order.ts";
import { handoffsOf } from "./hand-to-agent.ts";

/** A work order an agent proposed on a handed alert, filed after a reviewer approved it in Agent Ops. */
export interface AgentWorkOrderInput {
  idempotencyKey: string;
  threadId: string;
  alertId: string;
  assetId: string;
  title: string;
  priority: Priority;
}

export interface AgentWorkOrderOutcome {
  workOrderId: string;
  label: string;
  replayed: boolean;
}

/** The work order's request id for an idempotency key: a name-based UUID, the same for every retry. */
export function requestIdFor(idempotencyKey: string): string {
  const hex = createHash("sha256").update(`agent-work-order:${idempotencyKey}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function orderOfRequest(db: Queryable, requestId: string) {
  const { rows } = await db.query<{ id: string; number: number }>(
    "select id, number from operations_portal.work_order where request_id = $1",
    [requestId],
  );
  return rows[0];
}

/**
 * Opens the work order an agent proposed, through the portal's own path from an alert
 * (openWorkOrderFromAlert: the alert closes with it). The alert must be the one handed to that
 * thread and on the asset named. Once per idempotency key: requests with one key run one at a time
 * (an advisory lock) and a repeat answers the order already opened.
 */
export async function fileAgentWorkOrder(
  pool: Pick<pg.Pool, "connect">,
  input: AgentWorkOrderInput,
  app: Viewer,
): Promise<AgentWorkOrderOutcome> {
  const requestId = requestIdFor(input.idempotencyKey);
  return inLockedTransaction(pool, requestId, async (client) => {
    const done = await orderOfRequest(client, requestId);
    if (done) return { workOrderId: done.id, label: workOrderLabel(done), replayed: true };
    const handoff = (await handoffsOf(client, [input.alertId])).get(input.alertId);
    if (!handoff || handoff.threadId !== input.threadId)
      throw new FieldRuleError(
        "alertId",
        `Alert ${input.alertId} was not handed to thread ${input.threadId}; an agent files work only on the alert it was handed.`,
      );
    const alert = await getAlert(client, input.alertId);
    if (alert.assetId !== input.assetId)
      throw new FieldRuleError("assetId", `The alert is on asset ${alert.assetId}, not ${input.assetId}.`);
    const claimed = await claimAlert(client, { id: alert.id, actor: app.email });
    const { workOrder } = await openWorkOrderFromAlert(client, {
      id: alert.id,
      viewer: app,
      expectedVersion: claimed.version,
      title: input.title,
      priority: input.priority,
      requestId,
    });
    return { workOrderId: workOrder.id, label: workOrderLabel(workOrder), replayed: false };
  });
}

/** The agent thread a work order came from: the hand-off of the alert it was opened from. */
export async function threadOfWorkOrder(
  db: Queryable,
  workOrderId: string,
): Promise<{ agentKit: string; threadId: string } | null> {
  const { rows } = await db.query<{ agent_kit: string; thread_id: string }>(
    `select h.agent_kit, h.thread_id from operations_portal.work_order w
     join operations_portal.alert_handoff h on w.source = 'alert:' || h.alert_id::text
     where w.id = $1`,
    [workOrderId],
  );
  return rows[0] ? { agentKit: rows[0].agent_kit, threadId: rows[0].thread_id } : null;
}
