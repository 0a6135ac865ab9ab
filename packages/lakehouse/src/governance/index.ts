export type { GovernanceFaults } from "./context.ts";
export { GovernanceError, type GovernanceErrorCode } from "./errors.ts";
export {
  BRONZE_DECLARATION,
  EVENT_ID_COLUMN,
  type GovernedTable,
  type GovernedTableOptions,
  governedTable,
} from "./governed-table.ts";
export { startKitOutboxWorker } from "./kit-outbox-worker.ts";
export { governanceMigrations } from "./migrations.ts";
export type { DrainOptions, DrainReport } from "./outbox-drain.ts";
export { outbox as outboxTable } from "./outbox-schema.ts";
export { type OutboxEntry, OutboxStore, type Sink } from "./outbox-store.ts";
export type { ReconcileReport } from "./reconcile.ts";
export type { GovernanceClient, GovernanceSql } from "./sql.ts";
export type { GovernedWrite } from "./write-batch.ts";
export {
  GovernanceWriter,
  type GovernanceWriterOptions,
  type GovernedEvent,
  type GovernedRead,
  type GovernedWriteResult,
} from "./writer.ts";
