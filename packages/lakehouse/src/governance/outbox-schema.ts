import { index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** The Governance Writer's own schema in Lakebase; migrated by `governanceMigrations`. */
export const governanceSchema = pgSchema("appbase_governance");

/**
 * One row per (event, non-fatal sink) still to deliver. Rows are written before the sinks run
 * (state `intent`), promoted to `pending` once silver has committed, and deleted when delivered,
 * so a process killed between sinks leaves exactly the work that remains.
 */
export const outbox = governanceSchema.table(
  "outbox",
  {
    eventId: text("event_id").notNull(),
    sink: text("sink", { enum: ["lakebase", "bronze"] }).notNull(),
    governedTable: text("governed_table").notNull(),
    state: text("state", { enum: ["intent", "pending"] }).notNull(),
    /** The key of the written row, as a JSON object of key columns. */
    rowKey: jsonb("row_key").notNull(),
    /** The bronze event (for `bronze`) or the written row (for `lakebase`). */
    payload: jsonb("payload").notNull(),
    version: integer("version").notNull(),
    /** Silver's latest version before the write: where to look for the event after a crash. */
    silverBaseVersion: integer("silver_base_version").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sink] }), index("outbox_due").on(t.state, t.nextAttemptAt)],
);
