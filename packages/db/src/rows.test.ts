import { bigserial, date, integer, pgSchema, text, timestamp } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { rowOf } from "./rows.ts";

const demo = pgSchema("demo").table("item", {
  itemId: text("item_id").primaryKey(),
  leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
  version: integer("version").notNull(),
});

describe("rowOf", () => {
  it("maps Postgres column names to the declaration's field names", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(rowOf(demo, { item_id: "a", lease_expires_at: at, version: 2, extra: 1 })).toEqual({
      itemId: "a",
      leaseExpiresAt: at,
      version: 2,
    });
  });

  it("gives string-mode date and timestamp columns as strings, as the row type says", () => {
    const dated = pgSchema("demo").table("dated", {
      due: date("due", { mode: "string" }).notNull(),
      seen: timestamp("seen", { withTimezone: true, mode: "string" }).notNull(),
    });
    // pg parses a date as local midnight and a timestamptz as an instant.
    expect(rowOf(dated, { due: new Date(2026, 0, 5), seen: new Date("2026-01-05T10:00:00Z") })).toEqual({
      due: "2026-01-05",
      seen: "2026-01-05T10:00:00.000Z",
    });
  });

  it("gives number-mode bigints as numbers", () => {
    const log = pgSchema("demo").table("log", { id: bigserial("id", { mode: "number" }).primaryKey() });
    expect(rowOf(log, { id: "42" })).toEqual({ id: 42 });
  });

  it("names a column the query did not select", () => {
    expect(() => rowOf(demo, { item_id: "a", version: 1 })).toThrow(/no column "lease_expires_at"/);
  });
});
