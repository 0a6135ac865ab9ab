import type { Queryable } from "@appbase/db";
import { qualifiedName } from "@appbase/grants";
import { ConflictError, FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import { workOrder } from "../../db/schema/work-order.ts";
import { workOrderEvent } from "../../db/schema/work-order-event.ts";
import { type Viewer, visibleWorkOrders } from "../access.ts";
import { assignWorkOrder } from "../work-orders/assign-work-order.ts";
import { OPEN_STATUSES } from "../work-orders/lifecycle.ts";
import { assertFresh } from "../work-orders/move-work-order.ts";
import { assertTechnician } from "../work-orders/technicians.ts";
import { updateWorkOrder } from "../work-orders/versioned-update.ts";
import { getWorkOrder } from "../work-orders/work-order.ts";

/** A bulk change to one site's open work: what a planner previews on a branch before it ships. */
export type SiteChange = (
  | { kind: "reassign"; siteId: string; fromAssigneeId: string; toAssigneeId: string }
  | { kind: "reschedule"; siteId: string; days: number }
) & { /** Why, for the reviewers. */ note?: string };

/** The orders a change touches, at the versions the preview saw: apply expects exactly these. */
export interface SiteChangePlan {
  change: SiteChange;
  targets: { id: string; number: number; expectedVersion: number }[];
}

export interface SiteChangeOutcome {
  applied: number[];
  /** Orders changed (or closed, or gone) since the preview: reported, never overwritten. */
  conflicts: { number: number; reason: string }[];
}

const DAY_MS = 86_400_000;

/** The tables a site change writes, so the tables its preview's diff shows (the kit declares them as diffTables). */
export const siteChangeTables = [workOrder, workOrderEvent];

/** The same tables as `schema.table`, for the diff. */
export const previewDiffTables = siteChangeTables.map((table) => qualifiedName(table));

/** One line a reviewer reads: what the change does. */
export function describeSiteChange(change: SiteChange): string {
  return change.kind === "reassign"
    ? `Reassign ${change.siteId}'s open work orders from ${change.fromAssigneeId} to ${change.toAssigneeId}`
    : `Reschedule ${change.siteId}'s open preventive maintenance by ${change.days} day${Math.abs(change.days) === 1 ? "" : "s"}`;
}

/** Finds the open orders the change touches (as the viewer may see them) with their versions. */
export async function planSiteChange(
  db: Queryable,
  viewer: Viewer,
  change: SiteChange,
): Promise<SiteChangePlan> {
  if (change.kind === "reassign") {
    if (change.fromAssigneeId === change.toAssigneeId)
      throw new FieldRuleError("toAssigneeId", "Pick a different technician to reassign to.");
    await assertTechnician(db, change.toAssigneeId);
  }
  const params: unknown[] = [change.siteId, OPEN_STATUSES];
  const which =
    change.kind === "reassign"
      ? `w.assignee_id = $${params.push(change.fromAssigneeId)}`
      : "w.kind = 'preventive'";
  const visible = visibleWorkOrders(viewer, "w", params.length + 1);
  const { rows } = await db.query<{ id: string; number: number; version: number }>(
    `select w.id, w.number, w.version from operations_portal.work_order w
      where w.site_id = $1 and w.status = any($2::text[]) and ${which} and ${visible.sql}
      order by w.number`,
    [...params, ...visible.params],
  );
  if (rows.length === 0)
    throw new FieldRuleError(
      "siteId",
      change.kind === "reassign"
        ? `${change.siteId} has no open work orders assigned to ${change.fromAssigneeId}.`
        : `${change.siteId} has no open preventive work orders to reschedule.`,
    );
  return { change, targets: rows.map((r) => ({ id: r.id, number: r.number, expectedVersion: r.version })) };
}

/** Moves one open order's response and completion targets by whole days (version-guarded). */
async function rescheduleWorkOrder(
  db: Queryable,
  input: { id: string; expectedVersion: number; viewer: Viewer; days: number },
): Promise<void> {
  const current = await getWorkOrder(db, input.viewer, input.id);
  assertFresh(current, input.expectedVersion);
  if (!OPEN_STATUSES.includes(current.status))
    throw new FieldRuleError("days", "A closed work order keeps its dates.");
  const shift = (d: Date) => new Date(d.getTime() + input.days * DAY_MS);
  await updateWorkOrder(db, {
    ...input,
    actor: input.viewer.email,
    changes: {
      response_due_at: shift(current.responseDueAt),
      completion_due_at: shift(current.completionDueAt),
    },
  });
}

/**
 * Runs a plan through the work-order domain functions, each order at the version the preview saw.
 * On the preview branch every order is still there as planned; on main an order someone changed
 * since is a conflict in the outcome, and the rest still apply.
 */
export async function runSiteChange(
  db: Queryable,
  viewer: Viewer,
  plan: SiteChangePlan,
): Promise<SiteChangeOutcome> {
  const outcome: SiteChangeOutcome = { applied: [], conflicts: [] };
  const { change } = plan;
  for (const target of plan.targets) {
    const order = { id: target.id, expectedVersion: target.expectedVersion, viewer };
    try {
      if (change.kind === "reassign")
        await assignWorkOrder(db, { ...order, assigneeId: change.toAssigneeId });
      else await rescheduleWorkOrder(db, { ...order, days: change.days });
      outcome.applied.push(target.number);
    } catch (error) {
      if (error instanceof ConflictError || error instanceof FieldRuleError || error instanceof NotFoundError)
        outcome.conflicts.push({ number: target.number, reason: error.message });
      else throw error;
    }
  }
  return outcome;
}
