import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
  vector,
} from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { deltaCreateTable } from "./delta-ddl.ts";
import { declarationFromDrizzle } from "./from-drizzle.ts";

const severity = pgEnum("severity", ["low", "high"]);

const alerts = pgTable("alerts", {
  alertId: uuid("alert_id").primaryKey(),
  title: varchar("title", { length: 200 }).notNull(),
  body: text("body"),
  severity: severity("severity").notNull(),
  score: numeric("score", { precision: 5, scale: 2 }),
  exposure: numeric("exposure"),
  count: integer("count").notNull().default(0),
  rank: smallint("rank"),
  total: bigint("total", { mode: "number" }),
  ratio: real("ratio"),
  weight: doublePrecision("weight"),
  open: boolean("open").notNull(),
  dueOn: date("due_on"),
  raisedAt: timestamp("raised_at", { withTimezone: true, precision: 3 }).notNull(),
  localAt: timestamp("local_at"),
  attributes: jsonb("attributes"),
  embedding: vector("embedding", { dimensions: 3 }),
});

const memberships = pgTable(
  "memberships",
  { orgId: text("org_id"), userId: text("user_id"), role: text("role").notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);

describe("declarationFromDrizzle", () => {
  it("maps every supported Postgres type to its Delta type, with the key NOT NULL", () => {
    const declaration = declarationFromDrizzle(alerts, { overrides: { embedding: "omit" } });
    expect(declaration.primaryKey).toEqual(["alert_id"]);
    expect(declaration.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ["alert_id", "STRING", false],
      ["title", "STRING", false],
      ["body", "STRING", true],
      ["severity", "STRING", false],
      ["score", "DECIMAL(5,2)", true],
      ["exposure", "DECIMAL(38,18)", true],
      ["count", "INT", false],
      ["rank", "SMALLINT", true],
      ["total", "BIGINT", true],
      ["ratio", "FLOAT", true],
      ["weight", "DOUBLE", true],
      ["open", "BOOLEAN", false],
      ["due_on", "DATE", true],
      ["raised_at", "TIMESTAMP", false],
      ["local_at", "TIMESTAMP_NTZ", true],
      ["attributes", "STRING", true],
    ]);
  });

  it("takes a composite primary key and makes its columns NOT NULL", () => {
    const declaration = declarationFromDrizzle(memberships);
    expect(declaration.primaryKey).toEqual(["org_id", "user_id"]);
    expect(declaration.columns.map((c) => c.nullable)).toEqual([false, false, false]);
    expect(deltaCreateTable("main.app.memberships", declaration)).toContain(
      "CONSTRAINT `memberships_pk` PRIMARY KEY (`org_id`, `user_id`)",
    );
  });

  it("names the column and the fix for a type with no lakehouse equivalent", () => {
    expect(() => declarationFromDrizzle(alerts)).toThrow(
      'alerts.embedding has Postgres type vector(3), which has no lakehouse equivalent; pass overrides: { embedding: "STRING" }',
    );
    expect(() => declarationFromDrizzle(alerts, { overrides: { embeding: "omit" } })).toThrow(
      'overrides.embeding: table alerts has no column "embeding"',
    );
    expect(() =>
      declarationFromDrizzle(alerts, { overrides: { alert_id: "omit", embedding: "omit" } }),
    ).toThrow("omit primary key column(s) alert_id");
  });

  it("yields a declaration the local lakehouse accepts and round-trips rows through", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lakehouse-drizzle-"));
    const lake = await openLocalLakehouse({ directory: dir });
    try {
      await lake.ensureSchema("main.risk");
      await lake.createTable(
        "main.risk.alerts",
        declarationFromDrizzle(alerts, { overrides: { embedding: "omit" } }),
      );
      const row = {
        alert_id: "0b6f4c1e-8f1a-4a52-9d1b-2f0f5d3c9a10",
        title: "Unusual transfer",
        body: null,
        severity: "high",
        score: "97.50",
        exposure: "12345.678900000000000000",
        count: 3,
        rank: 1,
        total: 9_007_199_254_740_991,
        ratio: 0.5,
        weight: 1.25,
        open: true,
        due_on: "2026-08-01",
        raised_at: "2026-07-03T09:15:00.123Z",
        local_at: "2026-07-03T11:15:00.000",
        attributes: '{"channel":"wire"}',
      };
      await lake.append("main.risk.alerts", [row]);
      expect(await lake.read("main.risk.alerts")).toEqual([row]);
    } finally {
      await lake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
