import { defineQueue } from "@appbase/queue";
import { alert } from "../../db/schema/alert.ts";

export const ALERT_CLOSED = ["acknowledged", "dismissed", "work_order"] as const;
export type AlertStatus = "open" | "claimed" | (typeof ALERT_CLOSED)[number];

/** An alert as the operator sees it. */
export interface Alert {
  id: string;
  status: AlertStatus;
  assetId: string;
  siteId: string;
  assetType: string;
  ruleId: string;
  ruleDescription: string;
  value: number;
  scoredAt: Date;
  priority: number;
  claimedBy: string | null;
  leaseExpiresAt: Date | null;
  dueAt: Date | null;
  duplicateCount: number;
  lastSeenAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  resolutionNote: string | null;
  workOrderId: string | null;
  version: number;
  createdAt: Date;
}

/** Maps an `operations_portal.alert` row. */
export function toAlert(r: Record<string, unknown>): Alert {
  return {
    id: r.id as string,
    status: r.status as AlertStatus,
    assetId: r.asset_id as string,
    siteId: r.site_id as string,
    assetType: r.asset_type as string,
    ruleId: r.rule_id as string,
    ruleDescription: r.rule_description as string,
    value: r.value as number,
    scoredAt: r.scored_at as Date,
    priority: r.priority as number,
    claimedBy: r.claimed_by as string | null,
    leaseExpiresAt: r.lease_expires_at as Date | null,
    dueAt: r.due_at as Date | null,
    duplicateCount: r.duplicate_count as number,
    lastSeenAt: r.last_seen_at as Date,
    closedBy: r.closed_by as string | null,
    closedAt: r.closed_at as Date | null,
    resolutionNote: r.resolution_note as string | null,
    workOrderId: r.work_order_id as string | null,
    version: r.version as number,
    createdAt: r.created_at as Date,
  };
}

/** SLA to act on an alert by priority (from the asset's criticality): 1 h, 4 h, a day. */
export const ALERT_SLA_SECONDS: Record<number, number> = { 1: 3600, 2: 4 * 3600, 3: 24 * 3600 };

/** The operator alert queue: claims with leases, snooze, one open alert per asset and rule, SLA. */
export const alertQueue = defineQueue<Alert>({
  table: alert,
  statuses: { open: "open", claimed: "claimed", closed: ALERT_CLOSED },
  claimOrder: [alert.priority, alert.dueAt, alert.createdAt, alert.id],
  dedupKey: alert.dedupKey,
  dedupScope: "open",
  slaSeconds: ALERT_SLA_SECONDS[3],
  toItem: toAlert,
});
