export type { BulkResult, Selected } from "./bulk.ts";
export { DEFAULT_LEASE_SECONDS } from "./claim.ts";
export { defineQueue, type Queue } from "./define-queue.ts";
export type { Enqueued, NewQueueItem } from "./enqueue.ts";
export { measureQueue, observeQueueMetrics } from "./queue-metrics.ts";
export type { QueueSpec } from "./queue-table.ts";
export { type MayRead, UNREADABLE_ITEM_MESSAGE } from "./refusal.ts";
export type { Change } from "./transitions.ts";
