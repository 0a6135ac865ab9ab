import { describe, expect, it } from "vitest";
import { LakehouseError } from "../errors.ts";
import type { Row } from "../values.ts";
import { keyOf, keysPredicate, OrderedServingRows, servingRows } from "./source-rows.ts";

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

  it("gives the same answer page by page, whatever the page size, when keys span pages", () => {
    const ordered = rows.filter((r) => r.id !== null);
    for (const size of [1, 2, 3, 5, 10]) {
      const serving = new OrderedServingRows("s", ["id"], "at");
      const out: Row[] = [];
      for (let i = 0; i < ordered.length; i += size) out.push(...serving.push(ordered.slice(i, i + size)));
      out.push(...serving.flush());
      expect(out.map((r) => r.v)).toEqual(["a-new", "b", "c-new"]);
    }
    const strict = new OrderedServingRows("s", ["id"]);
    strict.push([rows[0]!]);
    expect(() => strict.push([rows[1]!])).toThrow("declare a timeseriesKey");
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
