import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TableDeclaration } from "../column-types.ts";
import { LakehouseError } from "../errors.ts";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "./local-lakehouse.ts";

const ORDERS = "main.sales.orders";
const declaration: TableDeclaration = {
  columns: [
    { name: "order_id", type: "BIGINT", nullable: false },
    { name: "region", type: "STRING" },
    { name: "amount", type: "DECIMAL(10,2)" },
    { name: "shipped_at", type: "TIMESTAMP" },
    { name: "order_date", type: "DATE" },
    { name: "priority", type: "BOOLEAN" },
  ],
  primaryKey: ["order_id"],
};

let dir: string;
let lake: Lakehouse;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lakehouse-"));
  lake = await openLocalLakehouse({ directory: dir, userName: "tester@example.com" });
  await lake.ensureSchema("main.sales");
  await lake.createTable(ORDERS, declaration);
});

afterEach(async () => {
  await lake.close();
  rmSync(dir, { recursive: true, force: true });
});

const byId = (rows: { order_id?: unknown }[]) =>
  [...rows].sort((a, b) => Number(a.order_id) - Number(b.order_id));

async function errorOf(promise: Promise<unknown>): Promise<LakehouseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakehouseError);
  return error as LakehouseError;
}

describe("local lakehouse writes and reads", () => {
  it("round-trips every column type in its port form", async () => {
    await lake.append(ORDERS, [
      {
        order_id: 1,
        region: "EMEA",
        amount: "1250.5",
        shipped_at: new Date("2026-07-03T09:15:00.123Z"),
        order_date: "2026-07-01",
        priority: true,
      },
      {
        order_id: 2,
        region: null,
        amount: 89.9,
        shipped_at: "2026-07-04T10:00:00+02:00",
        order_date: null,
        priority: false,
      },
    ]);
    expect(byId(await lake.read(ORDERS))).toEqual([
      {
        order_id: 1,
        region: "EMEA",
        amount: "1250.50",
        shipped_at: "2026-07-03T09:15:00.123Z",
        order_date: "2026-07-01",
        priority: true,
      },
      {
        order_id: 2,
        region: null,
        amount: "89.90",
        shipped_at: "2026-07-04T08:00:00.000Z",
        order_date: null,
        priority: false,
      },
    ]);
  });

  it("numbers each commit from 0 and records it in history, newest first", async () => {
    const a = await lake.append(ORDERS, [{ order_id: 1, region: "EMEA" }]);
    const m = await lake.merge(ORDERS, [
      { order_id: 1, region: "APAC" },
      { order_id: 2, region: "AMER" },
    ]);
    const d = await lake.delete(ORDERS, { column: "order_id", op: "=", value: 2 });
    expect([a.version, m.version, d.version]).toEqual([1, 2, 3]);
    expect(m.metrics).toMatchObject({ numTargetRowsUpdated: 1, numTargetRowsInserted: 1 });
    const history = await lake.history(ORDERS);
    expect(history.map((h) => [h.version, h.operation])).toEqual([
      [3, "DELETE"],
      [2, "MERGE"],
      [1, "WRITE"],
      [0, "CREATE TABLE"],
    ]);
    expect(history[0]?.operationMetrics).toEqual({ numDeletedRows: "1" });
    expect(history[0]?.userName).toBe("tester@example.com");
    const stamps = history.map((h) => Date.parse(h.timestamp));
    expect(stamps).toEqual([...stamps].sort((x, y) => y - x));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it("replaceWhere swaps exactly the matching rows and refuses rows outside the predicate", async () => {
    await lake.append(ORDERS, [
      { order_id: 1, region: "EMEA" },
      { order_id: 2, region: "APAC" },
      { order_id: 3, region: "EMEA" },
    ]);
    const emea = { column: "region", op: "=", value: "EMEA" } as const;
    const info = await lake.replaceWhere(ORDERS, emea, [{ order_id: 4, region: "EMEA" }]);
    expect(info.metrics).toEqual({ numOutputRows: 1, numDeletedRows: 2 });
    expect(byId(await lake.read(ORDERS, { columns: ["order_id"] }))).toEqual([
      { order_id: 2 },
      { order_id: 4 },
    ]);

    const error = await errorOf(
      lake.replaceWhere(ORDERS, emea, [
        { order_id: 5, region: "EMEA" },
        { order_id: 6, region: "AMER" },
      ]),
    );
    expect(error.code).toBe("DELTA_REPLACE_WHERE_MISMATCH");
    expect(error.message).toContain("rows[1]");
    expect((await lake.history(ORDERS, { limit: 1 }))[0]?.version).toBe(2);
  });

  it("overwrite replaces the whole table in one commit", async () => {
    await lake.append(ORDERS, [{ order_id: 1 }, { order_id: 2 }]);
    await lake.overwrite(ORDERS, [{ order_id: 9 }]);
    expect(await lake.read(ORDERS, { columns: ["order_id"] })).toEqual([{ order_id: 9 }]);
  });

  it("filters, orders and limits reads with a parameterized predicate", async () => {
    await lake.append(ORDERS, [
      { order_id: 1, region: "EMEA", amount: 10 },
      { order_id: 2, region: 'O\'Brien "quoted"', amount: 20 },
      { order_id: 3, region: "EMEA", amount: 30 },
    ]);
    const rows = await lake.read(ORDERS, {
      where: {
        or: [
          { column: "region", op: "=", value: 'O\'Brien "quoted"' },
          { column: "amount", op: ">=", value: "30" },
        ],
      },
      orderBy: ["order_id DESC"],
      columns: ["order_id"],
    });
    expect(rows).toEqual([{ order_id: 3 }, { order_id: 2 }]);
    expect(await lake.read(ORDERS, { orderBy: ["amount"], limit: 1, columns: ["order_id"] })).toEqual([
      { order_id: 1 },
    ]);
    expect(
      await lake.read(ORDERS, { orderBy: ["order_id"], limit: 2, offset: 1, columns: ["order_id"] }),
    ).toEqual([{ order_id: 2 }, { order_id: 3 }]);
  });

  it("rejects a bad row naming the row and column, and writes nothing", async () => {
    const error = await errorOf(lake.append(ORDERS, [{ order_id: 1 }, { order_id: 2, amount: "12.345" }]));
    expect(error.code).toBe("INVALID_ROW");
    expect(error.message).toContain("rows[1].amount");
    expect((await errorOf(lake.append(ORDERS, [{ order_id: null }]))).message).toContain("NOT NULL");
    expect((await errorOf(lake.append(ORDERS, [{ order_id: 1, colour: "red" }]))).message).toContain(
      '"colour"',
    );
    expect(await lake.read(ORDERS)).toEqual([]);
    expect((await lake.describeTable(ORDERS))?.version).toBe(0);
  });

  it("refuses a merge whose source repeats a key", async () => {
    const error = await errorOf(lake.merge(ORDERS, [{ order_id: 1 }, { order_id: 1, region: "x" }]));
    expect(error.code).toBe("DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE");
    expect(error.message).toContain("rows[0] and rows[1]");
  });
});

describe("local lakehouse time travel and change feed", () => {
  it("reads AS OF a version and AS OF a timestamp", async () => {
    const v1 = await lake.append(ORDERS, [{ order_id: 1, region: "EMEA" }]);
    const v2 = await lake.merge(ORDERS, [{ order_id: 1, region: "APAC" }]);
    await lake.delete(ORDERS, { column: "order_id", op: "=", value: 1 });
    expect(await lake.read(ORDERS)).toEqual([]);
    expect((await lake.read(ORDERS, { asOf: { version: 1 } }))[0]?.region).toBe("EMEA");
    expect((await lake.read(ORDERS, { asOf: { timestamp: v2.timestamp } }))[0]?.region).toBe("APAC");
    expect(await lake.read(ORDERS, { asOf: { version: 0 } })).toEqual([]);
    expect(await lake.versionAsOf(ORDERS, new Date(Date.parse(v2.timestamp) + 0))).toBe(v2.version);
    expect(await lake.versionAsOf(ORDERS, "2999-01-01T00:00:00Z")).toBe(3);
    expect(v1.version).toBe(1);

    expect((await errorOf(lake.read(ORDERS, { asOf: { version: 9 } }))).code).toBe("DELTA_VERSION_NOT_FOUND");
    expect((await errorOf(lake.read(ORDERS, { asOf: { timestamp: "2000-01-01T00:00:00Z" } }))).code).toBe(
      "DELTA_TIMESTAMP_OUT_OF_RANGE",
    );
    expect(
      (await errorOf(lake.read(ORDERS, { asOf: { timestamp: "2999-01-01T00:00:00Z" } }))).message,
    ).toContain("after the latest version");
  });

  it("reports inserts, updates as pre/post images and deletes with version and timestamp", async () => {
    await lake.append(ORDERS, [
      { order_id: 1, region: "EMEA" },
      { order_id: 2, region: "APAC" },
    ]);
    const merged = await lake.merge(ORDERS, [
      { order_id: 1, region: "AMER" },
      { order_id: 3, region: "EMEA" },
    ]);
    await lake.delete(ORDERS, { column: "order_id", op: "=", value: 2 });
    await lake.replaceWhere(ORDERS, { column: "order_id", op: "=", value: 3 }, [
      { order_id: 3, region: "LATAM" },
    ]);

    const changes = await lake.changes(ORDERS, { fromVersion: 2 });
    expect(changes.map((c) => [c._commit_version, c._change_type, c.order_id, c.region])).toEqual([
      [2, "update_preimage", 1, "EMEA"],
      [2, "update_postimage", 1, "AMER"],
      [2, "insert", 3, "EMEA"],
      [3, "delete", 2, "APAC"],
      // replaceWhere rewrites rows: Delta reports it as delete + insert, not as an update.
      [4, "delete", 3, "EMEA"],
      [4, "insert", 3, "LATAM"],
    ]);
    expect(changes[0]?._commit_timestamp).toBe(merged.timestamp);
    expect((await lake.changes(ORDERS, { fromVersion: 3, toVersion: 3 })).map((c) => c._change_type)).toEqual(
      ["delete"],
    );
    expect(await lake.changes(ORDERS, { fromVersion: 5 })).toEqual([]);
    expect(
      (await lake.changes(ORDERS, { fromVersion: 0 })).filter((c) => c._commit_version === 1),
    ).toHaveLength(2);
  });

  it("replaying the change feed onto the starting snapshot reproduces the latest state", async () => {
    await lake.append(ORDERS, [
      { order_id: 1, region: "a" },
      { order_id: 2, region: "b" },
      { order_id: 3, region: "c" },
    ]);
    const start = (await lake.describeTable(ORDERS))!.version;
    await lake.merge(ORDERS, [
      { order_id: 2, region: "bb" },
      { order_id: 4, region: "d" },
    ]);
    await lake.delete(ORDERS, { column: "region", op: "in", values: ["a", "d"] });
    await lake.merge(ORDERS, [{ order_id: 4, region: "dd" }]);
    const state = new Map(
      (await lake.read(ORDERS, { asOf: { version: start } })).map((r) => [r.order_id, r]),
    );
    for (const c of await lake.changes(ORDERS, { fromVersion: start + 1 })) {
      const { _change_type, _commit_version, _commit_timestamp, ...row } = c;
      if (_change_type === "delete" || _change_type === "update_preimage") state.delete(row.order_id);
      else state.set(row.order_id, row);
    }
    expect(byId([...state.values()])).toEqual(byId(await lake.read(ORDERS)));
  });
});

describe("local lakehouse catalog", () => {
  it("persists tables, data and history across reopen", async () => {
    await lake.append(ORDERS, [{ order_id: 7, region: "EMEA" }]);
    await lake.close();
    lake = await openLocalLakehouse({ directory: dir });
    expect(await lake.read(ORDERS, { columns: ["order_id"] })).toEqual([{ order_id: 7 }]);
    expect((await lake.history(ORDERS)).length).toBe(2);
    expect((await lake.append(ORDERS, [{ order_id: 8 }])).version).toBe(2);
  });

  it("describes, lists and drops tables; a recreated table starts again at version 0", async () => {
    expect(await lake.describeTable(ORDERS)).toMatchObject({
      name: ORDERS,
      primaryKey: ["order_id"],
      version: 0,
    });
    expect(await lake.describeTable("main.sales.nope")).toBeNull();
    await lake.createTable("main.sales.returns", { columns: [{ name: "id", type: "int" }] });
    expect(await lake.listTables("main.sales")).toEqual(["main.sales.orders", "main.sales.returns"]);
    expect(await lake.createTable(ORDERS, declaration, { ifNotExists: true })).toBeNull();
    expect((await errorOf(lake.createTable(ORDERS, declaration))).code).toBe("TABLE_OR_VIEW_ALREADY_EXISTS");
    await lake.append(ORDERS, [{ order_id: 1 }]);
    await lake.dropTable(ORDERS);
    expect((await errorOf(lake.read(ORDERS))).code).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect((await lake.createTable(ORDERS, declaration))?.version).toBe(0);
    expect(await lake.read(ORDERS)).toEqual([]);
  });

  it("names the fix for a missing schema, a bad name and a bad declaration", async () => {
    expect((await errorOf(lake.createTable("other.s.t", declaration))).message).toContain(
      'ensureSchema("other.s")',
    );
    expect((await errorOf(lake.read("orders"))).code).toBe("INVALID_TABLE_NAME");
    const bad = await errorOf(
      lake.createTable("main.sales.bad", { columns: [{ name: "id", type: "INT" }], primaryKey: ["id"] }),
    );
    expect(bad.code).toBe("INVALID_DECLARATION");
    expect(bad.message).toContain("primaryKey.0");
  });

  it("serializes concurrent writers so every commit gets its own version", async () => {
    const commits = await Promise.all(
      Array.from({ length: 20 }, (_, i) => lake.append(ORDERS, [{ order_id: i }])),
    );
    expect(commits.map((c) => c.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await lake.read(ORDERS)).toHaveLength(20);
  });
});
