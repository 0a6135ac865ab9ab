// drizzle-kit reads this list; one table per file.
export { alert } from "./alert.ts";
export { auditEvent } from "./audit-event.ts";
export { caseDecision } from "./case-decision.ts";
export { caseEntity } from "./case-entity.ts";
export { evidence } from "./evidence.ts";
export { policyVersion } from "./policy-version.ts";
export { riskCase } from "./risk-case.ts";
export { riskCompliance } from "./risk-compliance-schema.ts";
export { syncedAlertIntake } from "./synced-alert-intake.ts";
export { triageFiling } from "./triage-filing.ts";
