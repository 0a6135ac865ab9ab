// drizzle-kit reads this list; one table per file.
export { activity } from "./activity.ts";
export { consentChanges } from "./consent-changes.ts";
export { customerHub } from "./customer-hub-schema.ts";
export { customerStatus } from "./customer-status.ts";
export { followUpTasks } from "./follow-up-tasks.ts";
export { notes } from "./notes.ts";
export { piiAccess } from "./pii-access.ts";
