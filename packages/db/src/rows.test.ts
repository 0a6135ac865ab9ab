import { integer, pgSchema, text, timestamp } from "drizzle-orm/pg-core";
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

  it("names a column the query did not select", () => {
    expect(() => rowOf(demo, { item_id: "a", version: 1 })).toThrow(/no column "lease_expires_at"/);
  });
});
