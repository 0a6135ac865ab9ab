import { describe, expect, it } from "vitest";
import { pageList } from "./page-list.ts";
import { pageWindow, parseTableParams } from "./table-params.ts";
import type { TableSpec } from "./table-spec.ts";
import { sortChange, tableHref } from "./table-url.ts";

const spec: TableSpec = {
  sortable: ["name", "updated_at"],
  defaultSort: { key: "updated_at", dir: "desc" },
  pageSizes: [25, 50, 100],
  filters: [{ key: "status", label: "Status", options: [{ value: "open" }, { value: "closed" }] }],
};

describe("parseTableParams", () => {
  it("returns the defaults for an empty query", () => {
    expect(parseTableParams({}, spec)).toEqual({
      page: 1,
      pageSize: 25,
      offset: 0,
      sort: "updated_at",
      dir: "desc",
      q: "",
      filters: {},
      after: null,
      before: null,
      issues: [],
    });
  });

  it("accepts valid values from a Next.js searchParams object and from URLSearchParams alike", () => {
    const record = { page: "3", size: "50", sort: "name", dir: "asc", q: "  acme ", status: "open" };
    const fromRecord = parseTableParams(record, spec);
    expect(fromRecord).toMatchObject({
      page: 3,
      pageSize: 50,
      offset: 100,
      sort: "name",
      dir: "asc",
      q: "acme",
    });
    expect(fromRecord.filters).toEqual({ status: "open" });
    expect(parseTableParams(new URLSearchParams(record), spec)).toEqual(fromRecord);
  });

  it("never lets a non-whitelisted sort column through, and says why", () => {
    const params = parseTableParams({ sort: "name; DROP TABLE customers", dir: "asc" }, spec);
    expect(params.sort).toBe("updated_at");
    expect(params.issues[0]).toMatch(/sort: .* is not sortable; sort by one of name, updated_at/);
  });

  it("falls back on bad page, size, direction and filter values and lists each", () => {
    const params = parseTableParams({ page: "-2", size: "7", dir: "sideways", status: "deleted" }, spec);
    expect(params).toMatchObject({ page: 1, pageSize: 25, dir: "desc", filters: {} });
    expect(params.issues).toHaveLength(4);
    expect(params.issues.join("\n")).toMatch(/size: 7 is not one of 25, 50, 100/);
    expect(params.issues.join("\n")).toMatch(/status: "deleted" is not a Status option/);
  });

  it("takes the first of repeated parameters and shortens over-long search text", () => {
    const params = parseTableParams({ page: ["2", "9"], q: "x".repeat(250) }, spec);
    expect(params.page).toBe(2);
    expect(params.q).toHaveLength(200);
    expect(params.issues[0]).toMatch(/q: search text is longer than 200/);
  });

  it("reads prefixed parameters so two tables can share a page", () => {
    const params = parseTableParams({ page: "9", "alerts.page": "2" }, { ...spec, paramPrefix: "alerts." });
    expect(params.page).toBe(2);
  });

  it("rejects specs that cannot work, naming the field", () => {
    expect(() => parseTableParams({}, { sortable: ["a"], defaultSort: { key: "b", dir: "asc" } })).toThrow(
      /defaultSort: "b" is not in sortable/,
    );
    expect(() =>
      parseTableParams({}, { sortable: [], filters: [{ key: "page", label: "Page", options: [] }] }),
    ).toThrow(/filters: key "page" collides/);
  });
});

describe("pager arithmetic", () => {
  it("computes the shown range, including a short last page", () => {
    expect(pageWindow({ page: 1, pageSize: 25 }, 1204)).toEqual({
      from: 1,
      to: 25,
      pageCount: 49,
      beyondEnd: false,
    });
    expect(pageWindow({ page: 49, pageSize: 25 }, 1204)).toEqual({
      from: 1201,
      to: 1204,
      pageCount: 49,
      beyondEnd: false,
    });
    expect(pageWindow({ page: 1, pageSize: 25 }, 0)).toEqual({
      from: 0,
      to: 0,
      pageCount: 1,
      beyondEnd: false,
    });
    expect(pageWindow({ page: 5, pageSize: 25 }, 60)).toEqual({
      from: 0,
      to: 0,
      pageCount: 3,
      beyondEnd: true,
    });
  });

  it("lists pages around the current one with gaps, filling single-page gaps", () => {
    expect(pageList(1, 1)).toEqual([1]);
    expect(pageList(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(pageList(3, 10)).toEqual([1, 2, 3, 4, "gap", 10]);
    expect(pageList(2, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe("table links", () => {
  const state = parseTableParams({ status: "open", page: "4" }, spec);

  it("toggles direction on the sorted column and starts a new column ascending, back on page 1", () => {
    expect(sortChange({ sort: "name", dir: "asc" }, "name")).toEqual({ sort: "name", dir: "desc", page: 1 });
    expect(sortChange({ sort: "name", dir: "desc" }, "name")).toEqual({ sort: "name", dir: "asc", page: 1 });
    expect(sortChange({ sort: "name", dir: "desc" }, "updated_at")).toEqual({
      sort: "updated_at",
      dir: "asc",
      page: 1,
    });
  });

  it("keeps filters and unrelated params and leaves defaults out of the URL", () => {
    expect(tableHref("/cases", spec, state, { page: 5 }, { tab: "mine" })).toBe(
      "/cases?tab=mine&status=open&page=5",
    );
    expect(tableHref("/cases", spec, state, { page: 1, filters: {} })).toBe("/cases");
  });

  it("round-trips: parsing a generated link gives back the state", () => {
    const changed = { ...state, ...sortChange(state, "name"), q: "a&b=c" };
    const url = new URL(tableHref("/cases", spec, changed), "http://x");
    const { issues: _, ...reparsed } = parseTableParams(url.searchParams, spec);
    const { issues: __, ...expected } = { ...changed, offset: 0 };
    expect(reparsed).toEqual(expected);
  });
});

describe("keyset cursors", () => {
  it("reads an after or before token (after wins), and refuses what is not a token", () => {
    expect(parseTableParams({ after: "YWJj_-9" }, { sortable: [] })).toMatchObject({
      after: "YWJj_-9",
      before: null,
    });
    expect(parseTableParams({ before: "b1", after: "a1" }, { sortable: [] })).toMatchObject({
      after: "a1",
      before: null,
    });
    const hostile = parseTableParams({ after: "a b;--", before: "x".repeat(600) }, { sortable: [] });
    expect(hostile).toMatchObject({ after: null, before: null });
    expect(hostile.issues).toHaveLength(2);
  });
});
