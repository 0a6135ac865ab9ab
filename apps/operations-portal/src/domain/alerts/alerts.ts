import type { Queryable } from "@appbase/db";
import { FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import type { Viewer } from "../access.ts";
import { createWorkOrder } from "../work-orders/create-work-order.ts";
import type { Priority } from "../work-orders/priority.ts";
import type { WorkOrder } from "../work-orders/work-order.ts";
import { ALERT_SLA_SECONDS, type Alert, alertQueue, toAlert } from "./alert-queue.ts";
import { evaluateLatestScores } from "./evaluate.ts";

/**
 * Raises an alert for every threshold rule an asset's latest score crosses, one open alert per asset
 * and rule. A reading already raised (open or closed) is not raised again, so the kit can evaluate on
 * an interval; a newer reading that still crosses bumps the open alert's count and becomes its reading,
 * or opens a new alert once the last one was closed.
 */
export async function raiseScoreAlerts(db: Queryable): Promise<{ created: number; repeated: number }> {
  let created = 0;
  let repeated = 0;
  const crossing = await evaluateLatestScores(db);
  // Readings already raised, found in one query: at the large scale tens of thousands of assets cross
  // a rule, and asking per reading kept the kit's startup pass busy for minutes.
  const { rows: seen } = await db.query<{ dedup_key: string }>(
    `select k.dedup_key from unnest($1::text[], $2::timestamptz[]) as k(dedup_key, scored_at)
      where exists (select 1 from operations_portal.alert a
                     where a.dedup_key = k.dedup_key and a.scored_at >= k.scored_at)`,
    [crossing.map((a) => a.dedupKey), crossing.map((a) => a.scoredAt)],
  );
  const raised = new Set(seen.map((r) => r.dedup_key));
  for (const a of crossing) {
    if (raised.has(a.dedupKey)) continue;
    const result = await alertQueue.enqueue(db, {
      dedupKey: a.dedupKey,
      slaSeconds: ALERT_SLA_SECONDS[a.priority] ?? ALERT_SLA_SECONDS[3],
      values: {
        asset_id: a.assetId,
        site_id: a.siteId,
        asset_type: a.assetType,
        rule_id: a.rule.id,
        rule_description: a.rule.description,
        value: a.value,
        scored_at: a.scoredAt,
        priority: a.priority,
      },
    });
    if (result.created) {
      created++;
      continue;
    }
    repeated++;
    await db.query(
      "update operations_portal.alert set scored_at = $2, value = $3 where id = $1 and scored_at < $2",
      [result.item.id, a.scoredAt, a.value],
    );
  }
  return { created, repeated };
}

export type AlertView = "open" | "mine" | "closed";

/** Alerts for the queue page: unclosed ones in claim order, mine, or the latest closed. */
export async function listAlerts(
  db: Queryable,
  input: { view: AlertView; actor: string; assetId?: string; limit?: number },
): Promise<Alert[]> {
  const where =
    input.view === "closed"
      ? "status in ('acknowledged','dismissed','work_order')"
      : input.view === "mine"
        ? "status = 'claimed' and claimed_by = $2::text"
        : "status in ('open','claimed')";
  const order = input.view === "closed" ? "closed_at desc" : "priority, due_at, created_at, id";
  const { rows } = await db.query(
    `select * from operations_portal.alert where ${where} and ($3::text is null or asset_id = $3) and $2::text is not null
      order by ${order} limit $1`,
    [Math.min(input.limit ?? 100, 200), input.actor, input.assetId ?? null],
  );
  return rows.map(toAlert);
}

/** One alert; NotFoundError names it. */
export async function getAlert(db: Queryable, id: string): Promise<Alert> {
  const { rows } = await db.query("select * from operations_portal.alert where id = $1", [id]);
  if (!rows[0]) throw new NotFoundError("No such alert; reload the queue.");
  return toAlert(rows[0]);
}

/** Claims an alert for `actor` (a lease; someone else's live claim is a visible conflict). */
export function claimAlert(db: Queryable, input: { id: string; actor: string }): Promise<Alert> {
  return alertQueue.claim(db, { id: input.id, claimant: input.actor });
}

/** Gives a claimed alert back to the queue. */
export function releaseAlert(
  db: Queryable,
  input: { id: string; actor: string; expectedVersion: number },
): Promise<Alert> {
  return alertQueue.release(db, input);
}

/** Closes a claimed alert as seen and handled without a work order. */
export function acknowledgeAlert(
  db: Queryable,
  input: { id: string; actor: string; expectedVersion: number; note?: string | undefined },
): Promise<Alert> {
  return alertQueue.close(db, {
    ...input,
    status: "acknowledged",
    values: { resolution_note: input.note?.trim() || null },
  });
}

/** Closes a claimed alert as not needing work; the reason is required and kept. */
export async function dismissAlert(
  db: Queryable,
  input: { id: string; actor: string; expectedVersion: number; reason: string },
): Promise<Alert> {
  if (!input.reason.trim()) throw new FieldRuleError("reason", "Say why the alert needs no work.");
  return alertQueue.close(db, {
    ...input,
    status: "dismissed",
    values: { resolution_note: input.reason.trim() },
  });
}

/**
 * Opens a reactive work order from an alert the actor holds, then closes the alert with it. The
 * order's source is the alert, so a retry (or a close that lost a race) never opens a second one.
 */
export async function openWorkOrderFromAlert(
  db: Queryable,
  input: {
    id: string;
    viewer: Viewer;
    expectedVersion: number;
    title: string;
    priority: Priority;
    assigneeId?: string | null;
    requestId: string;
  },
): Promise<{ alert: Alert; workOrder: WorkOrder }> {
  const current = await getAlert(db, input.id);
  // Check the claim before opening anything: a closed, stale or someone else's alert is refused as is.
  await alertQueue
    .update(db, {
      id: input.id,
      actor: input.viewer.email,
      expectedVersion: input.expectedVersion,
      values: {},
    })
    .then(() => undefined);
  const workOrder = await createWorkOrder(db, {
    assetId: current.assetId,
    title: input.title,
    description: `From alert: ${current.ruleDescription} (value ${current.value} at ${current.scoredAt.toISOString()}).`,
    kind: "reactive",
    priority: input.priority,
    assigneeId: input.assigneeId ?? null,
    source: `alert:${current.id}`,
    requestId: input.requestId,
    actor: input.viewer.email,
  });
  const closed = await alertQueue.close(db, {
    id: input.id,
    actor: input.viewer.email,
    expectedVersion: input.expectedVersion + 1,
    status: "work_order",
    values: { work_order_id: workOrder.id },
  });
  return { alert: closed, workOrder };
}
