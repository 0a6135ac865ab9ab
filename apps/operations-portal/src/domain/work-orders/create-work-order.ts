import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import type { Priority } from "./priority.ts";
import { targetsFor } from "./priority.ts";
import { assertTechnician } from "./technicians.ts";
import { toWorkOrder, type WorkOrder, type WorkOrderKind, type WorkOrderRecord } from "./work-order.ts";

export interface NewWorkOrder {
  assetId: string;
  title: string;
  description?: string;
  kind: WorkOrderKind;
  priority: Priority;
  assigneeId?: string | null;
  checklist?: readonly string[];
  source?: string | null;
  requestId: string;
  actor: string;
  at?: Date;
}

/**
 * Opens a work order on an asset (its site comes from the served asset row). A retried request
 * (same requestId) or a second order from the same source (an alert) returns the order already opened.
 */
export async function createWorkOrder(db: Queryable, input: NewWorkOrder): Promise<WorkOrder> {
  const { rows: assets } = await db.query<{ site_id: string }>(
    "select site_id from operations.assets where asset_id = $1",
    [input.assetId],
  );
  const siteId = assets[0]?.site_id;
  if (!siteId)
    throw new FieldRuleError("assetId", `No asset ${input.assetId}; pick one from the asset list.`);
  if (input.assigneeId) await assertTechnician(db, input.assigneeId);
  const at = input.at ?? new Date();
  const targets = targetsFor(input.priority, at);
  const { rows } = await db.query<WorkOrderRecord>(
    `with created as (
       insert into operations_portal.work_order
         (asset_id, site_id, title, description, kind, priority, assignee_id, opened_at, response_due_at,
          completion_due_at, source, request_id, created_by, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $8)
       on conflict do nothing
       returning *),
     steps as (
       insert into operations_portal.checklist_item (work_order_id, position, label)
       select c.id, s.position, s.label from created c, unnest($14::text[]) with ordinality s(label, position)),
     logged as (
       insert into operations_portal.work_order_event (work_order_id, at, actor, field, old_value, new_value, version)
       select id, $8, $13, 'created', null, jsonb_build_object('status', status, 'priority', priority, 'assignee_id', assignee_id), 1
         from created)
     select * from created`,
    [
      input.assetId,
      siteId,
      input.title.trim(),
      input.description?.trim() ?? "",
      input.kind,
      input.priority,
      input.assigneeId ?? null,
      at,
      targets.responseDueAt,
      targets.completionDueAt,
      input.source ?? null,
      input.requestId,
      input.actor,
      input.checklist ?? [],
    ],
  );
  const row = rows[0] ?? (await existingOrder(db, input.requestId, input.source ?? null));
  return toWorkOrder(row);
}

// A separate statement: a conflicting insert committed after the insert's snapshot is visible here.
async function existingOrder(db: Queryable, requestId: string, source: string | null) {
  const { rows } = await db.query<WorkOrderRecord>(
    "select * from operations_portal.work_order where request_id = $1 or source = $2 limit 1",
    [requestId, source],
  );
  if (!rows[0]) throw new Error(`Work order for request ${requestId} was neither created nor found.`);
  return rows[0];
}
