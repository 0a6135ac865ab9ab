import { describe, expect, it } from "vitest";
import { changeRangeSchema, readOptionsSchema, rowsSchema } from "./port-schemas.ts";

describe("port schemas", () => {
  it("accept what the port takes and name what is wrong otherwise", () => {
    expect(
      readOptionsSchema.parse({
        where: { column: "id", op: "in", values: [1, 2] },
        asOf: { timestamp: "2026-07-01T10:00:00Z" },
        limit: 10,
      }),
    ).toMatchObject({ limit: 10 });
    const bad = readOptionsSchema.safeParse({ asOf: { version: -1 }, limit: 1.5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["limit"]));
    expect(readOptionsSchema.safeParse({ where: { column: "id", op: "~", value: 1 } }).success).toBe(false);
    expect(changeRangeSchema.safeParse({ fromVersion: 5, toVersion: 3 }).error?.issues[0]?.path).toEqual([
      "toVersion",
    ]);
    expect(rowsSchema.safeParse([{ id: 1, name: null }]).success).toBe(true);
    expect(rowsSchema.safeParse([{ id: { nested: true } }]).success).toBe(false);
  });
});
