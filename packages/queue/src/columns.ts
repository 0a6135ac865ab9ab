import { integer, text, timestamp, uuid } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The columns a queue table needs, for a kit's drizzle declaration: `{ ...queueColumns("new"), ... }`.
 * Kits add their own columns (and, if they deduplicate, their key) beside these.
 */
export function queueColumns(openStatus: string) {
  return {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status").notNull().default(openStatus),
    claimedBy: text("claimed_by"),
    claimedAt: at("claimed_at"),
    leaseExpiresAt: at("lease_expires_at"),
    /** When the item is due under its queue's SLA (created + the queue's SLA). */
    dueAt: at("due_at"),
    snoozedUntil: at("snoozed_until"),
    snoozeReason: text("snooze_reason"),
    /** How many times the same signal (dedup key) arrived while this item was open, beyond the first. */
    duplicateCount: integer("duplicate_count").notNull().default(0),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    closedAt: at("closed_at"),
    closedBy: text("closed_by"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  };
}
