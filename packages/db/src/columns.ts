/**
 * Shared column helpers for drizzle `pg-core` table declarations (one table per file, each owner
 * in its own Postgres schema). Use them so every table spells the common columns the same way:
 *
 *   export const notes = customerHub.table("notes", {
 *     id: id(),
 *     customerId: text("customer_id").notNull(),
 *     body: text("body").notNull(),
 *     idempotencyKey: idempotencyKey(),
 *     version: version(),
 *     ...timestamps(),
 *   });
 *
 * Optimistic concurrency: update with `set({ ..., version: nextVersion(notes.version) })` and
 * `where(and(eq(notes.id, id), eq(notes.version, expected)))`; zero rows updated means someone
 * else changed the row first (see `expectOneRow`).
 */
import { type SQL, sql } from "drizzle-orm";
import { integer, type PgColumn, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key `id`: a random UUID made by Postgres, so inserts from SQL and from the app agree. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** `created_at`: set once by Postgres. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** `updated_at`: set by Postgres on insert and by drizzle on every update through it. */
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** `created_at` and `updated_at`, to spread into a table declaration. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** `version`: starts at 1 and goes up by one on every update, for optimistic concurrency. */
export const version = () => integer("version").notNull().default(1);

/** SQL for `version + 1`, to use in an update's `set`. */
export function nextVersion(column: PgColumn): SQL {
  return sql`${column} + 1`;
}

/**
 * `idempotency_key`: the caller's key for a write that may be retried; unique, so a retry hits
 * the existing row (`onConflictDoNothing({ target: table.idempotencyKey })`) instead of adding one.
 */
export const idempotencyKey = () => text("idempotency_key").unique();

/** Error for a version-guarded update that matched no row: the caller's copy is out of date. */
export class VersionConflictError extends Error {
  constructor(what: string, expectedVersion: number) {
    super(
      `${what} was changed by someone else (expected version ${expectedVersion}); reload it and try again.`,
    );
    this.name = "VersionConflictError";
  }
}

/** Returns the single row a version-guarded update returned, or throws `VersionConflictError`. */
export function expectOneRow<T>(rows: T[], what: string, expectedVersion: number): T {
  const [row] = rows;
  if (!row) throw new VersionConflictError(what, expectedVersion);
  return row;
}
