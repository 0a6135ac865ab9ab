// drizzle-kit reads this list; one table per file.
export { activity } from "./activity.ts";
export { customerHub } from "./customer-hub-schema.ts";
export { customerStatus } from "./customer-status.ts";
export { followUpTasks } from "./follow-up-tasks.ts";
export { notes } from "./notes.ts";
