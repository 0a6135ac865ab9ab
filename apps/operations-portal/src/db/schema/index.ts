// drizzle-kit reads this list; one table per file.
export { alert } from "./alert.ts";
export { alertHandoff } from "./alert-handoff.ts";
export { assetHealth } from "./asset-health.ts";
export { assetMeter } from "./asset-meter.ts";
export { checklistItem } from "./checklist-item.ts";
export { operationsPortal } from "./operations-portal-schema.ts";
export { pmSchedule } from "./pm-schedule.ts";
export { technician } from "./technician.ts";
export { workLog } from "./work-log.ts";
export { workOrder } from "./work-order.ts";
export { workOrderEvent } from "./work-order-event.ts";
