import { describe, expect, it } from "vitest";
import { hrefs, html, tagsWith, text } from "../internal/test-html.ts";
import type { Column } from "./column.tsx";
import { DataTable } from "./data-table.tsx";
import { parseTableParams } from "./table-params.ts";
import type { TableSpec } from "./table-spec.ts";

type Row = { id: string; name: string; score: number };
const spec: TableSpec = {
  sortable: ["name", "score"],
  defaultSort: { key: "name", dir: "asc" },
  pageSizes: [10, 50],
  filters: [
    { key: "region", label: "Region", options: [{ value: "emea", label: "EMEA" }, { value: "apac" }] },
  ],
};
const columns: Column<Row>[] = [
  { key: "name", header: "Name" },
  { key: "id", header: "ID" },
  { key: "score", header: "Score", align: "right" },
];
const rows: Row[] = [
  { id: "r1", name: "Alpha", score: 1200 },
  { id: "r2", name: "Beta", score: 7 },
];

function render(query: Record<string, string>, total = 1204, tableRows = rows) {
  return html(
    <DataTable
      caption="Things"
      columns={columns}
      rows={tableRows}
      rowKey={(r) => r.id}
      rowHref={(r) => `/things/${r.id}`}
      spec={spec}
      params={parseTableParams(query, spec)}
      total={total}
      basePath="/things"
      noun="things"
    />,
  );
}

describe("DataTable", () => {
  it("links sortable headers so the sorted column flips direction and others start ascending", () => {
    const markup = render({ sort: "score", dir: "asc", region: "emea", page: "3" });
    const links = hrefs(markup);
    expect(links).toContain("/things?region=emea&sort=score&dir=desc");
    // name asc is the default sort, so the link to it carries no sort params at all.
    expect(links).toContain("/things?region=emea");
    expect(tagsWith(markup, "aria-sort")).toEqual([expect.stringContaining('aria-sort="ascending"')]);
    expect(markup).not.toMatch(/href="[^"]*sort=id/);
  });

  it("shows the pager range and links neighbouring pages, keeping filters and sort", () => {
    const markup = render({ page: "2", sort: "score", dir: "desc" });
    expect(text(markup)).toContain("Showing 11–20 of 1,204 things");
    const links = hrefs(markup);
    expect(links).toContain("/things?sort=score&dir=desc"); // previous = page 1
    expect(links).toContain("/things?sort=score&dir=desc&page=3");
    expect(links).toContain("/things?sort=score&dir=desc&page=121"); // last page
    expect(links).toContain("/things?sort=score&dir=desc&size=50"); // page size resets to page 1
    expect(tagsWith(markup, 'aria-current="page"')[0]).toContain("page=2");
  });

  it("renders a GET filter form that carries sort and size but resets the page", () => {
    const markup = render({ page: "4", size: "50", sort: "score", dir: "desc", q: "acme", region: "apac" });
    const hidden = tagsWith(markup, 'type="hidden"');
    expect(
      hidden.map((tag) =>
        tag
          .match(/name="([^"]+)" value="([^"]*)"/)
          ?.slice(1)
          .join("="),
      ),
    ).toEqual(["sort=score", "dir=desc", "size=50"]);
    const form = tagsWith(markup, "<form")[0];
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/things"');
    expect(tagsWith(markup, 'name="q"')[0]).toContain('value="acme"');
    expect(markup).toMatch(/<option value="apac" selected="">/);
  });

  it("makes rows links and formats numbers in default cells", () => {
    const markup = render({});
    expect(hrefs(markup)).toEqual(expect.arrayContaining(["/things/r1", "/things/r2"]));
    expect(text(markup)).toContain("1,200");
  });

  it("distinguishes an empty table, an over-filtered one and a page past the end", () => {
    expect(text(render({}, 0, []))).toContain("No things yet");
    const filtered = render({ region: "emea" }, 0, []);
    expect(text(filtered)).toContain("No things match these filters.");
    expect(hrefs(filtered)).toContain("/things");
    const past = render({ page: "200" }, 1204, []);
    expect(text(past)).toContain("Page 200 is past the end (121 pages).");
    expect(hrefs(past)).toContain("/things?page=121");
  });

  it("lists ignored parameters so a hand-edited URL is not silently reinterpreted", () => {
    expect(text(render({ sort: "password" }))).toContain('sort: "password" is not sortable');
  });

  it("refuses a column marked sortable that the spec does not whitelist", () => {
    expect(() =>
      html(
        <DataTable
          caption="x"
          columns={[{ key: "id", header: "ID", sortable: true }]}
          rows={[]}
          rowKey={() => ""}
          spec={spec}
          params={parseTableParams({}, spec)}
          total={0}
          basePath="/"
        />,
      ),
    ).toThrow(/column "id": sortable is true but the spec's sortable list omits it/);
  });
});

describe("DataTable over a keyset list", () => {
  function renderKeyset(
    query: Record<string, string>,
    keyset: { next: string | null; prev: string | null },
    total = 1_234_567,
    tableRows = rows,
  ) {
    return html(
      <DataTable
        caption="Things"
        columns={columns}
        rows={tableRows}
        rowKey={(r) => r.id}
        spec={spec}
        params={parseTableParams(query, spec)}
        total={total}
        totalEstimated
        keyset={keyset}
        basePath="/things"
        noun="things"
      />,
    );
  }

  it("says an estimated total as 'about', and offers first / previous / next by cursor instead of page numbers", () => {
    const markup = renderKeyset({ region: "emea", after: "abc" }, { next: "n1", prev: "p1" });
    expect(text(markup)).toContain("Showing 2 of about 1,200,000 things");
    const links = hrefs(markup);
    expect(links).toContain("/things?region=emea&after=n1");
    expect(links).toContain("/things?region=emea&before=p1");
    expect(links).toContain("/things?region=emea");
    expect(links.some((l) => l.includes("page="))).toBe(false);
  });

  it("a sort change or a filter form drops the cursor (the list starts again at its first page)", () => {
    const markup = renderKeyset({ after: "abc" }, { next: "n1", prev: "p1" });
    expect(hrefs(markup)).toContain("/things?sort=score&dir=asc");
    expect(markup).not.toContain('name="after"');
  });

  it("disables previous and first on the first page and next on the last", () => {
    const first = renderKeyset({}, { next: "n1", prev: null });
    expect(tagsWith(first, "aria-disabled")).toHaveLength(2);
    const last = renderKeyset({ after: "abc" }, { next: null, prev: "p1" });
    expect(tagsWith(last, "aria-disabled")).toHaveLength(1);
  });

  it("an emptied position offers the first page rather than 'no rows yet'", () => {
    const markup = renderKeyset({ after: "gone" }, { next: null, prev: null }, 10, []);
    expect(text(markup)).toContain("at this position any more");
    expect(hrefs(markup)).toContain("/things");
  });
});
