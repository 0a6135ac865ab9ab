import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LakehouseError } from "../errors.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import type { Row } from "../values.ts";
import { keyOf, keysAfter, keysNotNull, keysPredicate, servingRows } from "./source-rows.ts";

const rows: Row[] = [
  { id: 1, at: "2026-01-01T00:00:00.000Z", v: "a-old" },
  { id: 1, at: "2026-01-02T00:00:00.000Z", v: "a-new" },
  { id: null, at: "2026-01-03T00:00:00.000Z", v: "no key" },
  { id: 2, at: "2026-01-01T00:00:00.000Z", v: "b" },
  { id: 3, at: "2026-01-05T00:00:00.000Z", v: "c-new" },
  { id: 3, at: "2026-01-04T00:00:00.000Z", v: "c-old" },
];

describe("serving rows", () => {
  it("skips NULL keys and keeps the latest row per key", () => {
    expect([...servingRows("s", rows, ["id"], "at").values()].map((r) => r.v)).toEqual([
      "a-new",
      "b",
      "c-new",
    ]);
  });

  it("refuses a repeated key without a timeseries key", () => {
    expect(() => servingRows("main.gold.s", rows, ["id"])).toThrow(LakehouseError);
    expect(() => servingRows("main.gold.s", rows, ["id"])).toThrow("primary key (id) = [1]");
  });

  it("selects the rows after a key in key order, composite keys and NULL parts included", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sync-keys-after-"));
    const lake = await openLocalLakehouse({ directory: dir });
    try {
      await lake.ensureSchema("main.s");
      await lake.createTable("main.s.t", {
        columns: [
          { name: "a", type: "STRING" },
          { name: "b", type: "INT" },
        ],
      });
      const all = [
        { a: "x", b: 1 },
        { a: "x", b: 2 },
        { a: "x", b: null },
        { a: "y", b: 0 },
        { a: null, b: 5 },
        { a: "xa", b: -1 },
        { a: "w", b: 9 },
      ];
      await lake.append("main.s.t", all);
      const after = async (key: [string, number]) =>
        (await lake.read("main.s.t", { where: keysAfter(key, ["a", "b"]), orderBy: ["a", "b"] })).map(
          (r) => `${r.a}${r.b}`,
        );
      expect(await after(["x", 1])).toEqual(["x2", "xa-1", "y0"]);
      expect(await after(["w", 100])).toEqual(["x1", "x2", "xa-1", "y0"]);
      expect(await after(["y", 0])).toEqual([]);
      const notNull = await lake.read("main.s.t", { where: { and: keysNotNull(["a", "b"]) } });
      expect(notNull).toHaveLength(5);
    } finally {
      await lake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("builds key predicates for single and composite keys", () => {
    const keys = [keyOf({ a: "x", b: 1 }, ["a", "b"])!, keyOf({ a: "y", b: 2 }, ["a", "b"])!];
    expect(keysPredicate(keys, ["a", "b"])).toEqual({
      or: [
        {
          and: [
            { column: "a", op: "=", value: "x" },
            { column: "b", op: "=", value: 1 },
          ],
        },
        {
          and: [
            { column: "a", op: "=", value: "y" },
            { column: "b", op: "=", value: 2 },
          ],
        },
      ],
    });
    expect(keysPredicate([keyOf({ id: 7 }, ["id"])!], ["id"])).toEqual({
      column: "id",
      op: "in",
      values: [7],
    });
    expect(keyOf({ a: "x", b: null }, ["a", "b"])).toBeNull();
  });
});
