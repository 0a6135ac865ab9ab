export { type ClaimState, describeClaim } from "./lease.ts";
export { type QueueItem, QueueList, type QueueListProps } from "./queue-list.tsx";
