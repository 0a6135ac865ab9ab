import { describe, expect, it } from "vitest";
import { z } from "zod";
import { instant } from "./fields.ts";
import { firstValues, readPageParams, tableParams, tableQuery } from "./query-params.ts";

const spec = {
  sortable: ["name"],
  filters: [{ key: "segment", label: "segment", options: [{ value: "smb" }] }],
};

describe("URL parameters", () => {
  it("takes the first value of each, from a page's record or a URL", () => {
    expect(firstValues({ q: ["a", "b"], page: "2", none: undefined })).toEqual({ q: "a", page: "2" });
    expect(firstValues(new URLSearchParams("q=a&q=b"))).toEqual({ q: "a" });
  });

  it("a table drops a hostile search and says so, keeping the other parameters", () => {
    const params = tableParams({ q: "\u0000", segment: "smb", page: "2" }, spec);
    expect(params.q).toBe("");
    expect(params.filters).toEqual({ segment: "smb" });
    expect(params.page).toBe(2);
    expect(params.issues[0]).toMatch(/q contains control characters/);
    expect(tableParams({ q: "a\uD800" }, spec).issues[0]).toMatch(/lone surrogate/);
  });

  it("a route's table query is a field error on the hostile parameter", () => {
    const parsed = tableQuery.safeParse({ q: "x\u0000", page: "1" });
    expect(parsed.success).toBe(false);
    expect(z.flattenError(parsed.error as z.ZodError).fieldErrors).toEqual({
      q: ["q contains control characters; remove them."],
    });
    expect(tableQuery.safeParse({ q: "ann" }).success).toBe(true);
  });

  it("a page's parameters fail one by one, with the message of the failing rule", () => {
    const shape = { asOf: instant("asOf"), tool: z.string().max(10) };
    const read = readPageParams({ asOf: "2026-02-30T10:00", tool: "lookup" }, shape);
    expect(read.values).toEqual({ tool: "lookup" });
    expect(read.issues).toEqual(["asOf 2026-02-30T10:00 is not a real date and time."]);
    expect(readPageParams({ tool: "x\u0000" }, shape).issues).toEqual([
      "tool contains control characters; remove them.",
    ]);
    expect(readPageParams({ asOf: "", tool: "x".repeat(3000) }, shape).issues).toEqual([
      "tool can be at most 2000 characters.",
    ]);
  });
});
