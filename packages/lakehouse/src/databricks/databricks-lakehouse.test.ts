import { m2mTokenSource, workspaceClient } from "@appbase/databricks";
import {
  type ExecuteStatementRequest,
  type FakeWorkspace,
  type SqlStatementRoutes,
  type StatementPlan,
  sqlStatementRoutes,
  startFakeWorkspace,
} from "@appbase/databricks/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakehouseError } from "../errors.ts";
import { DatabricksLakehouse } from "./databricks-lakehouse.ts";

const HISTORY_COLUMNS = [
  "version",
  "timestamp",
  "userId",
  "userName",
  "operation",
  "operationParameters",
  "operationMetrics",
];

let fake: FakeWorkspace & { executed: SqlStatementRoutes["executed"] };
let lake: DatabricksLakehouse;
let history: (string | null)[][];
let extra: (req: ExecuteStatementRequest) => StatementPlan | undefined;

function catalogAnswers(req: ExecuteStatementRequest): StatementPlan {
  const s = req.statement;
  if (s.includes("information_schema.columns")) {
    return {
      columns: ["column_name", "full_data_type", "is_nullable", "comment"],
      rows: [
        ["order_id", "bigint", "NO", null],
        ["region", "string", "YES", null],
        ["amount", "decimal(10,2)", "YES", "order total"],
        ["shipped_at", "timestamp", "YES", null],
      ],
    };
  }
  if (s.includes("table_constraints")) return { columns: ["column_name"], rows: [["order_id"]] };
  if (s.startsWith("DESCRIBE HISTORY")) {
    const limit = /LIMIT (\d+)$/.exec(s);
    return { columns: HISTORY_COLUMNS, rows: limit ? history.slice(0, Number(limit[1])) : history };
  }
  return {};
}

beforeEach(async () => {
  history = [
    [
      "2",
      "2026-07-03T09:15:00.000+00:00",
      "1",
      "svc@example.com",
      "MERGE",
      '{"predicate":"[\\"(target.order_id = source.order_id)\\"]"}',
      '{"numTargetRowsUpdated":"1","numTargetRowsInserted":"2"}',
    ],
    [
      "1",
      "2026-07-02T09:00:00.000+00:00",
      "1",
      "svc@example.com",
      "WRITE",
      '{"mode":"Append"}',
      '{"numOutputRows":"3"}',
    ],
    ["0", "2026-07-01T08:00:00.000+00:00", "1", "svc@example.com", "CREATE TABLE", "{}", "{}"],
  ];
  extra = () => undefined;
  const sql = sqlStatementRoutes((req) => extra(req) ?? catalogAnswers(req));
  const workspace = await startFakeWorkspace({ routes: sql.routes });
  fake = Object.assign(workspace, { executed: sql.executed });
  lake = new DatabricksLakehouse({
    workspace: workspaceClient({
      host: fake.host,
      auth: m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: fake.clientSecret }),
    }),
    warehouseId: "wh1",
    poll: { initialMs: 5, maxMs: 10 },
  });
});

afterEach(async () => {
  await lake.close();
  await fake.close();
});

const statements = () => fake.executed.map((e) => e.statement);
const writeOf = (prefix: string) => fake.executed.find((e) => e.statement.startsWith(prefix))!;

describe("DatabricksLakehouse SQL, statement by statement", () => {
  it("describes a table from information_schema with parameters, then its latest version", async () => {
    const d = await lake.describeTable("Main.Sales.Orders");
    expect(d).toMatchObject({ name: "main.sales.orders", primaryKey: ["order_id"], version: 2 });
    expect(d?.columns[2]).toEqual({
      name: "amount",
      type: "DECIMAL(10,2)",
      nullable: true,
      comment: "order total",
    });
    expect(fake.executed[0]).toMatchObject({
      statement:
        "SELECT column_name, full_data_type, is_nullable, comment FROM `main`.information_schema.columns WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position",
      parameters: [
        { name: "schema", value: "sales" },
        { name: "table", value: "orders" },
      ],
    });
    expect(statements()[2]).toBe("DESCRIBE HISTORY `main`.`sales`.`orders` LIMIT 1");
  });

  it("merges with MERGE INTO over one JSON parameter and reads the commit back from history", async () => {
    const info = await lake.merge("main.sales.orders", [
      { order_id: 1, region: "EMEA", amount: 12.5, shipped_at: new Date("2026-07-03T09:15:00Z") },
      { order_id: 2, region: 'it\'s "quoted"' },
    ]);
    const merge = writeOf("MERGE");
    expect(merge.statement).toBe(
      "MERGE INTO `main`.`sales`.`orders` AS target USING (SELECT CAST(`order_id` AS BIGINT) AS `order_id`, CAST(`region` AS STRING) AS `region`, CAST(`amount` AS DECIMAL(10,2)) AS `amount`, CAST(`shipped_at` AS TIMESTAMP) AS `shipped_at` FROM inline(from_json(:rows, 'ARRAY<STRUCT<`order_id`: STRING, `region`: STRING, `amount`: STRING, `shipped_at`: STRING>>'))) AS source ON target.`order_id` = source.`order_id` WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *",
    );
    expect(merge.parameters).toHaveLength(1);
    expect(JSON.parse(merge.parameters![0]!.value!)).toEqual([
      { order_id: "1", region: "EMEA", amount: "12.5", shipped_at: "2026-07-03T09:15:00.000Z" },
      { order_id: "2", region: 'it\'s "quoted"', amount: null, shipped_at: null },
    ]);
    expect(statements().at(-1)).toBe("DESCRIBE HISTORY `main`.`sales`.`orders` LIMIT 1");
    expect(info).toEqual({
      table: "main.sales.orders",
      version: 2,
      timestamp: "2026-07-03T09:15:00.000Z",
      operation: "MERGE",
      metrics: { numTargetRowsUpdated: 1, numTargetRowsInserted: 2 },
    });
  });

  it("appends, replaces where, overwrites and deletes with typed parameters", async () => {
    await lake.append("main.sales.orders", [{ order_id: 1 }]);
    await lake.replaceWhere(
      "main.sales.orders",
      {
        and: [
          { column: "region", op: "=", value: "EMEA" },
          { column: "amount", op: ">", value: "10" },
        ],
      },
      [{ order_id: 2, region: "EMEA", amount: "11" }],
    );
    await lake.overwrite("main.sales.orders", []);
    await lake.delete("main.sales.orders", { column: "shipped_at", op: "<", value: "2026-01-01T00:00:00Z" });
    expect(writeOf("INSERT INTO `main`.`sales`.`orders` (").statement).toMatch(
      /^INSERT INTO `main`.`sales`.`orders` \(`order_id`, `region`, `amount`, `shipped_at`\) SELECT CAST/,
    );
    const replace = writeOf("INSERT INTO `main`.`sales`.`orders` REPLACE");
    expect(replace.statement).toMatch(
      /^INSERT INTO `main`.`sales`.`orders` REPLACE WHERE \(\(`region` = :p1\) AND \(`amount` > :p2\)\) SELECT CAST\(`order_id` AS BIGINT\)/,
    );
    expect(replace.parameters?.slice(0, 2)).toEqual([
      { name: "p1", value: "EMEA", type: "STRING" },
      { name: "p2", value: "10", type: "DECIMAL(10,2)" },
    ]);
    expect(writeOf("INSERT OVERWRITE").statement).toMatch(
      /^INSERT OVERWRITE TABLE `main`.`sales`.`orders` SELECT/,
    );
    expect(JSON.parse(writeOf("INSERT OVERWRITE").parameters![0]!.value!)).toEqual([]);
    expect(writeOf("DELETE")).toMatchObject({
      statement: "DELETE FROM `main`.`sales`.`orders` WHERE (`shipped_at` < :p1)",
      parameters: [{ name: "p1", value: "2026-01-01T00:00:00.000Z", type: "TIMESTAMP" }],
    });
  });

  it("reads AS OF a version or timestamp and decodes the text cells by column type", async () => {
    extra = (req) =>
      req.statement.startsWith("SELECT `order_id`")
        ? {
            columns: ["order_id", "amount", "shipped_at"],
            rows: [
              ["9007199254740991", "1250.00", "2026-07-03T09:15:00.000Z"],
              ["2", null, "2026-07-03 11:15:00"],
            ],
          }
        : undefined;
    const rows = await lake.read("main.sales.orders", {
      columns: ["order_id", "amount", "shipped_at"],
      asOf: { version: 1 },
      where: { column: "region", op: "in", values: ["EMEA", "APAC"] },
      orderBy: ["order_id DESC"],
      limit: 10,
    });
    expect(rows).toEqual([
      { order_id: 9007199254740991, amount: "1250.00", shipped_at: "2026-07-03T09:15:00.000Z" },
      { order_id: 2, amount: null, shipped_at: "2026-07-03T11:15:00.000Z" },
    ]);
    expect(writeOf("SELECT `order_id`")).toMatchObject({
      statement:
        "SELECT `order_id`, `amount`, `shipped_at` FROM `main`.`sales`.`orders` VERSION AS OF 1 WHERE (`region` IN (:p1, :p2)) ORDER BY `order_id` DESC LIMIT 10",
      parameters: [
        { name: "p1", value: "EMEA", type: "STRING" },
        { name: "p2", value: "APAC", type: "STRING" },
      ],
    });
    await lake.read("main.sales.orders", { asOf: { timestamp: "2026-07-02T12:00:00+02:00" } });
    expect(statements().at(-1)).toBe(
      "SELECT `order_id`, `region`, `amount`, `shipped_at` FROM `main`.`sales`.`orders` TIMESTAMP AS OF '2026-07-02T10:00:00.000Z'",
    );
    await lake.read("main.sales.orders", { orderBy: ["order_id"], limit: 100, offset: 200 });
    expect(statements().at(-1)).toBe(
      "SELECT `order_id`, `region`, `amount`, `shipped_at` FROM `main`.`sales`.`orders` ORDER BY `order_id` ASC LIMIT 100 OFFSET 200",
    );
  });

  it("reads the change feed with table_changes, and answers empty past the latest version", async () => {
    extra = (req) =>
      req.statement.includes("table_changes")
        ? {
            columns: [
              "order_id",
              "region",
              "amount",
              "shipped_at",
              "_change_type",
              "_commit_version",
              "_commit_timestamp",
            ],
            rows: [
              ["1", "EMEA", null, null, "update_preimage", "2", "2026-07-03T09:15:00.000Z"],
              ["1", "AMER", null, null, "update_postimage", "2", "2026-07-03T09:15:00.000Z"],
            ],
          }
        : undefined;
    const changes = await lake.changes("main.sales.orders", { fromVersion: 1 });
    expect(statements().at(-1)).toBe(
      "SELECT `order_id`, `region`, `amount`, `shipped_at`, _change_type, _commit_version, _commit_timestamp FROM table_changes('main.sales.orders', 1, 2) ORDER BY _commit_version, `order_id`, CASE _change_type WHEN 'delete' THEN 0 WHEN 'update_preimage' THEN 1 WHEN 'update_postimage' THEN 2 ELSE 3 END",
    );
    expect(changes[1]).toEqual({
      order_id: 1,
      region: "AMER",
      amount: null,
      shipped_at: null,
      _change_type: "update_postimage",
      _commit_version: 2,
      _commit_timestamp: "2026-07-03T09:15:00.000Z",
    });
    const before = fake.executed.length;
    expect(await lake.changes("main.sales.orders", { fromVersion: 3 })).toEqual([]);
    expect(statements().slice(before)).toEqual(["DESCRIBE HISTORY `main`.`sales`.`orders` LIMIT 1"]);
  });

  it("decodes DESCRIBE HISTORY and resolves a timestamp to a version", async () => {
    const entries = await lake.history("main.sales.orders", { limit: 2 });
    expect(entries[0]).toEqual({
      version: 2,
      timestamp: "2026-07-03T09:15:00.000Z",
      operation: "MERGE",
      operationParameters: { predicate: '["(target.order_id = source.order_id)"]' },
      operationMetrics: { numTargetRowsUpdated: "1", numTargetRowsInserted: "2" },
      userName: "svc@example.com",
    });
    expect(await lake.versionAsOf("main.sales.orders", "2026-07-02T23:59:59Z")).toBe(1);
    expect(await lake.versionAsOf("main.sales.orders", "2027-01-01T00:00:00Z")).toBe(2);
  });

  it("creates schemas and tables with Delta DDL and change data feed on", async () => {
    await lake.ensureSchema("main.ops");
    await lake.createTable("main.ops.assets", {
      columns: [{ name: "asset_id", type: "STRING", nullable: false }],
      primaryKey: ["asset_id"],
    });
    expect(statements().slice(0, 2)).toEqual([
      "CREATE SCHEMA IF NOT EXISTS `main`.`ops`",
      "CREATE TABLE `main`.`ops`.`assets` (\n  `asset_id` STRING NOT NULL,\n  CONSTRAINT `assets_pk` PRIMARY KEY (`asset_id`)\n)\nUSING DELTA\nTBLPROPERTIES (\n  'delta.enableChangeDataFeed' = 'true'\n)",
    ]);
  });

  it("validates rows before sending anything", async () => {
    await lake.describeTable("main.sales.orders");
    const before = fake.executed.length;
    const error = await lake.append("main.sales.orders", [{ order_id: "x" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakehouseError);
    expect((error as LakehouseError).message).toContain("rows[0].order_id");
    expect(fake.executed.length).toBe(before + 3); // describe only: columns, key, history
  });

  it("maps a failed statement's error class onto the port's error codes", async () => {
    extra = (req) =>
      req.statement.startsWith("INSERT INTO `main`.`sales`.`orders` REPLACE")
        ? {
            failed: {
              error_code: "BAD_REQUEST",
              message:
                "[DELTA_REPLACE_WHERE_MISMATCH] Written data does not conform to partial table overwrite condition or constraint",
            },
          }
        : undefined;
    const error = await lake
      .replaceWhere("main.sales.orders", { column: "region", op: "=", value: "EMEA" }, [
        { order_id: 1, region: "EMEA" },
      ])
      .catch((e: unknown) => e);
    expect((error as LakehouseError).code).toBe("DELTA_REPLACE_WHERE_MISMATCH");
  });
});
