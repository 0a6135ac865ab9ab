import { FieldRuleError } from "@appbase/next-kit/errors";

/** The account workflow a team moves a customer through; kept in `customer_hub.customer_status`. */
export const WORKFLOW_STATUSES = ["new", "contacted", "engaged", "retained", "churned"] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** Allowed moves. Churn can happen at any stage; a churned customer can only be won back by contacting them. */
export const TRANSITIONS: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  new: ["contacted", "churned"],
  contacted: ["engaged", "churned"],
  engaged: ["retained", "churned"],
  retained: ["engaged", "churned"],
  churned: ["contacted"],
};

/** Statuses reachable in one move from `from`. */
export function nextStatuses(from: WorkflowStatus): readonly WorkflowStatus[] {
  return TRANSITIONS[from];
}

/** Throws a field error on `status` naming the allowed moves when `from → to` is not one of them. */
export function assertTransition(from: WorkflowStatus, to: WorkflowStatus): void {
  if (TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from].join(" or ");
  throw new FieldRuleError(
    "status",
    `A ${from} customer cannot move to ${to}; from ${from} the next step is ${allowed}.`,
  );
}
