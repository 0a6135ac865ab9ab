import { rowOf } from "@appbase/db";
import { defineQueue } from "@appbase/queue";
import { type AlertRow, alert } from "../../db/schema/alert.ts";

export type Alert = AlertRow;

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The queue's SLA per severity: time from the alert's creation to its due time. */
export const SLA_HOURS: Record<Severity, number> = { critical: 4, high: 24, medium: 72, low: 168 };

/** Ways an alert ends without a case. */
export const DISMISS_RESOLUTIONS = ["false_positive", "benign", "duplicate", "not_applicable"] as const;

/** The analysts' alert queue: most severe first, then the soonest due. */
export const alertQueue = defineQueue<Alert>({
  table: alert,
  statuses: { open: "new", claimed: "claimed", closed: ["dismissed", "escalated", "merged"] },
  claimOrder: [alert.priority, alert.dueAt, alert.createdAt, alert.id],
  dedupKey: alert.dedupKey,
  dedupScope: "open",
  toItem: (row) => rowOf(alert, row),
});
