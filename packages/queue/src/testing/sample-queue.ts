import { sql } from "drizzle-orm";
import { pgSchema, text, uniqueIndex } from "drizzle-orm/pg-core";
import type pg from "pg";
import { queueColumns } from "../columns.ts";
import { defineQueue } from "../define-queue.ts";

const schema = pgSchema("queue_test");

/** A queue table as a kit would declare it: the queue's columns plus its own. */
export const ticket = schema.table(
  "ticket",
  {
    ...queueColumns("open"),
    title: text("title").notNull(),
    dedupKey: text("dedup_key").notNull(),
    resolution: text("resolution"),
  },
  (t) => [uniqueIndex("ticket_open_dedup").on(t.dedupKey).where(sql`status in ('open', 'claimed')`)],
);

/** The same table in SQL, for the test databases. */
export async function createTicketTable(pool: pg.Pool): Promise<void> {
  await pool.query(`
    create schema if not exists queue_test;
    create table queue_test.ticket (
      id uuid primary key default gen_random_uuid(), status text not null default 'open',
      claimed_by text, claimed_at timestamptz, lease_expires_at timestamptz, due_at timestamptz,
      snoozed_until timestamptz, snooze_reason text, duplicate_count int not null default 0,
      last_seen_at timestamptz not null default now(), closed_at timestamptz, closed_by text,
      version int not null default 1, created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      title text not null, dedup_key text not null, resolution text);
    create unique index ticket_open_dedup on queue_test.ticket (dedup_key) where status in ('open', 'claimed');`);
}

export interface Ticket {
  id: string;
  status: string;
  title: string;
  claimedBy: string | null;
  duplicateCount: number;
  dueAt: Date | null;
  createdAt: Date;
  snoozedUntil: Date | null;
  snoozeReason: string | null;
  closedBy: string | null;
  resolution: string | null;
  version: number;
}

/** The test kit's queue: open → claimed → resolved | dismissed, four-hour SLA, dedup by key. */
export const tickets = defineQueue<Ticket>({
  table: ticket,
  statuses: { open: "open", claimed: "claimed", closed: ["resolved", "dismissed"] },
  claimOrder: [ticket.dueAt, ticket.createdAt, ticket.id],
  dedupKey: ticket.dedupKey,
  slaSeconds: 4 * 3600,
  toItem: (r) => ({
    id: r.id as string,
    status: r.status as string,
    title: r.title as string,
    claimedBy: r.claimed_by as string | null,
    duplicateCount: r.duplicate_count as number,
    dueAt: r.due_at as Date | null,
    createdAt: r.created_at as Date,
    snoozedUntil: r.snoozed_until as Date | null,
    snoozeReason: r.snooze_reason as string | null,
    closedBy: r.closed_by as string | null,
    resolution: r.resolution as string | null,
    version: r.version as number,
  }),
});
