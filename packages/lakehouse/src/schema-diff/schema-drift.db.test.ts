import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { datasetsMigrations, servedTables } from "@appbase/datasets";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  serial,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declarationFromDrizzle } from "../ddl/from-drizzle.ts";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { checkSchemaDrift, formatDriftReport } from "./schema-drift.ts";

const shop = pgSchema("shop");
const orderColumns = () => ({
  id: serial("id").primaryKey(),
  code: varchar("code", { length: 40 }).notNull(),
  amount: numeric("amount", { precision: 10, scale: 2 }).notNull(),
  units: bigint("units", { mode: "number" }),
  paid: boolean("paid").notNull().default(false),
  meta: jsonb("meta"),
  placedAt: timestamp("placed_at", { withTimezone: true }).notNull().default(sql`now()`),
  localAt: timestamp("local_at"),
});
const orders = shop.table("orders", orderColumns());
const ordersWithNote = shop.table("orders", { ...orderColumns(), note: text("note") });
const lines = shop.table(
  "lines",
  { orderId: integer("order_id").notNull(), n: integer("n").notNull() },
  (t) => [primaryKey({ columns: [t.orderId, t.n] })],
);

let db: TestDatabase;
let dir: string;
let lake: Lakehouse;
beforeAll(async () => {
  db = await createTestDatabase({ migrations: [datasetsMigrations] });
  dir = mkdtempSync(path.join(tmpdir(), "schema-drift-"));
  lake = await openLocalLakehouse({ directory: dir });
});
afterAll(async () => {
  await lake.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function createOrders() {
  await db.pool.query(`DROP SCHEMA IF EXISTS shop CASCADE; CREATE SCHEMA shop;
    CREATE TABLE shop.orders (id serial PRIMARY KEY, code varchar(40) NOT NULL, amount numeric(10,2) NOT NULL,
      units bigint, paid boolean NOT NULL DEFAULT false, meta jsonb, placed_at timestamptz NOT NULL DEFAULT now(),
      local_at timestamp);
    CREATE TABLE shop.lines (order_id integer, n integer, PRIMARY KEY (order_id, n))`);
}

describe("checkSchemaDrift on Postgres", () => {
  it("finds no drift when the catalog matches the declarations", async () => {
    await createOrders();
    const report = await checkSchemaDrift([{ table: orders }, { table: lines }], { postgres: db.pool });
    expect(report).toEqual({ checked: { postgres: 2, lakehouse: 0 }, items: [] });
    expect(formatDriftReport(report)).toContain("no drift");
  });

  it("the served tables of @appbase/datasets match their own migrations", async () => {
    const targets = Object.values(servedTables).map((table) => ({ table }));
    const report = await checkSchemaDrift(targets, { postgres: db.pool });
    expect(formatDriftReport(report)).toBe(
      `Checked ${targets.length} table(s) in Postgres and 0 in the lakehouse: no drift.`,
    );
  });

  it("catches an added column, a type change and a nullability change", async () => {
    await createOrders();
    await db.pool.query(`ALTER TABLE shop.orders ADD COLUMN coupon text;
      ALTER TABLE shop.orders ALTER COLUMN units TYPE integer;
      ALTER TABLE shop.orders ALTER COLUMN code DROP NOT NULL`);
    const report = await checkSchemaDrift([{ table: ordersWithNote }], { postgres: db.pool });
    expect(report.items.map((i) => i.difference)).toEqual([
      { kind: "nullability", table: "shop.orders", column: "code", declared: "NOT NULL", live: "NULL" },
      { kind: "type", table: "shop.orders", column: "units", declared: "bigint", live: "integer" },
      { kind: "missing-column", table: "shop.orders", column: "note", declared: "text NULL" },
      { kind: "extra-column", table: "shop.orders", column: "coupon", live: "text" },
    ]);
    const text = formatDriftReport(report);
    expect(text).toContain("shop.orders.units: type declared bigint, Postgres has integer");
    expect(text).toContain("shop.orders.coupon: in Postgres (text), not declared");
  });

  it("reports a missing table and a changed primary key", async () => {
    await createOrders();
    await db.pool.query(
      "ALTER TABLE shop.lines DROP CONSTRAINT lines_pkey; ALTER TABLE shop.lines ADD PRIMARY KEY (n)",
    );
    const ghost = shop.table("ghost", { id: integer("id") });
    const report = await checkSchemaDrift([{ table: lines }, { table: ghost }], { postgres: db.pool });
    expect(report.items.map((i) => i.difference)).toEqual([
      { kind: "primary-key", table: "shop.lines", declared: "(order_id, n)", live: "(n)" },
      { kind: "missing-table", table: "shop.ghost" },
    ]);
  });
});

describe("checkSchemaDrift on the lakehouse", () => {
  it("catches an added column, a type change and a nullability change in the Delta table", async () => {
    const name = "appbase.shop.orders";
    await lake.ensureSchema("appbase.shop");
    const live = declarationFromDrizzle(orders);
    await lake.createTable(name, {
      ...live,
      columns: live.columns.map((c) =>
        c.name === "units" ? { ...c, type: "INT" } : c.name === "code" ? { ...c, nullable: true } : c,
      ),
    });
    const clean = await checkSchemaDrift([{ table: orders, lakehouse: name, ddl: { overrides: {} } }], {
      lakehouse: lake,
    });
    expect(clean.checked).toEqual({ postgres: 0, lakehouse: 1 });
    const report = await checkSchemaDrift([{ table: ordersWithNote, lakehouse: name }], { lakehouse: lake });
    expect(
      report.items.map((i) => [
        i.surface,
        i.difference.kind,
        "column" in i.difference ? i.difference.column : "",
      ]),
    ).toEqual([
      ["lakehouse", "nullability", "code"],
      ["lakehouse", "type", "units"],
      ["lakehouse", "missing-column", "note"],
    ]);
    expect(clean.items.map((i) => i.difference.kind)).toEqual(["nullability", "type"]);
  });
});
