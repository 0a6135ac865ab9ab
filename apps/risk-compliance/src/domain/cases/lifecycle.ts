import { z } from "zod";

export const CASE_STATUSES = ["new", "investigating", "pending_review", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: "New",
  investigating: "Investigating",
  pending_review: "Pending review",
  closed: "Closed",
};

export const dispositionSchema = z.enum(["confirmed_risk", "false_positive", "no_action", "escalated"]);
export type Disposition = z.infer<typeof dispositionSchema>;

export const DISPOSITION_LABELS: Record<Disposition, string> = {
  confirmed_risk: "Confirmed risk",
  false_positive: "False positive",
  no_action: "No action",
  escalated: "Escalated",
};

export const riskLevelSchema = z.enum(["low", "medium", "high", "critical"]);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** Cases at these levels close only with a second person's approval (four-eyes). */
export function needsFourEyes(level: RiskLevel): boolean {
  return level === "high" || level === "critical";
}

/** Moves a person may make, from each status. Closing is `propose` then `approve`, or `close` directly at low/medium risk. */
export const TRANSITIONS = {
  start: { from: ["new"], to: "investigating" },
  propose: { from: ["new", "investigating"], to: "pending_review" },
  sendBack: { from: ["pending_review"], to: "investigating" },
  approve: { from: ["pending_review"], to: "closed" },
  close: { from: ["new", "investigating", "pending_review"], to: "closed" },
  reopen: { from: ["closed"], to: "investigating" },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus }>;

export type CaseMove = keyof typeof TRANSITIONS;
