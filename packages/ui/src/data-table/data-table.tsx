import type { ReactNode } from "react";
import { cx } from "../internal/cx.ts";
import { ChevronIcon } from "../internal/icons.tsx";
import { EmptyState } from "../states/empty-state.tsx";
import { type Column, defaultCell } from "./column.tsx";
import { FilterForm } from "./filter-form.tsx";
import { Pager } from "./pager.tsx";
import { pageWindow, type TableParams } from "./table-params.ts";
import type { TableSpec } from "./table-spec.ts";
import { sortChange, tableHref } from "./table-url.ts";

export type DataTableProps<Row> = {
  /** Accessible name of the table, e.g. "Customers". */
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Makes each row a link (the first cell holds the anchor; the whole row is clickable). */
  rowHref?: (row: Row) => string;
  spec: TableSpec;
  params: TableParams;
  /** Total matching rows across all pages. */
  total: number;
  /** `total` is an estimate (large lists count exactly only up to a threshold); shown as "about N". */
  totalEstimated?: boolean;
  /** Neighbouring pages of a keyset list (see `Pager`); without it the pager uses page numbers. */
  keyset?: { next: string | null; prev: string | null };
  /** Path of the page rendering the table; every link and the filter form point here. */
  basePath: string;
  /** Unrelated search params of the page to keep in every link (e.g. a selected tab). */
  extraParams?: Record<string, string>;
  /** Search box placeholder, or `false` for no search box. */
  search?: string | false;
  /** Shown when there are no rows at all (not when filters exclude everything). */
  empty?: ReactNode;
  noun?: string;
  /** Extra controls on the right of the toolbar, e.g. an export link. */
  actions?: ReactNode;
};

/** Server-rendered table with URL-driven sorting, filtering and paging; no client JavaScript needed. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, spec, params, basePath, extraParams } = props;
  const { beyondEnd, pageCount } = pageWindow(params, props.total);
  const filtered = params.q !== "" || Object.keys(params.filters).length > 0;
  const hrefFor = (changes: Partial<TableParams>) => tableHref(basePath, spec, params, changes, extraParams);
  for (const column of columns) {
    if (column.sortable === true && !spec.sortable.includes(column.key)) {
      throw new Error(
        `DataTable column "${column.key}": sortable is true but the spec's sortable list omits it; add it there.`,
      );
    }
  }
  return (
    <section className="ab-table-card" aria-label={props.caption}>
      <div className="ab-table-toolbar">
        <FilterForm
          basePath={basePath}
          spec={spec}
          params={params}
          extraParams={extraParams}
          search={props.search}
        />
        {props.actions ? <div className="ab-table-toolbar__actions">{props.actions}</div> : null}
      </div>
      {params.issues.length > 0 ? (
        <ul className="ab-table-issues" aria-label="Ignored table parameters">
          {params.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
      <div className="ab-table-scroll">
        <table className={cx("ab-table", props.rowHref && "ab-table--linked")}>
          <caption className="ab-sr-only">{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sortable = column.sortable !== false && spec.sortable.includes(column.key);
                const sorted = sortable && params.sort === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    style={column.width ? { width: column.width } : undefined}
                    className={cx(column.align && `ab-align-${column.align}`)}
                    aria-sort={sorted ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {sortable ? (
                      <a
                        className={cx("ab-sort", sorted && "ab-sort--active")}
                        href={hrefFor(sortChange(params, column.key))}
                      >
                        {column.header}
                        <ChevronIcon
                          direction={sorted && params.dir === "asc" ? "up" : "down"}
                          className="ab-sort__icon"
                        />
                      </a>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const href = props.rowHref?.(row);
              return (
                <tr key={props.rowKey(row)}>
                  {columns.map((column, index) => {
                    const content = column.render ? column.render(row) : defaultCell(row, column.key);
                    return (
                      <td key={column.key} className={cx(column.align && `ab-align-${column.align}`)}>
                        {href && index === 0 ? (
                          <a className="ab-row-link" href={href}>
                            {content}
                          </a>
                        ) : (
                          content
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {rows.length === 0 ? (
              <tr className="ab-table-empty">
                <td colSpan={columns.length}>
                  {beyondEnd ? (
                    <>
                      Page {params.page} is past the end ({pageCount} {pageCount === 1 ? "page" : "pages"}).{" "}
                      <a href={hrefFor({ page: pageCount })}>Go to the last page</a>
                    </>
                  ) : props.keyset && (params.after || params.before) ? (
                    <>
                      No {props.noun ?? "rows"} at this position any more.{" "}
                      <a href={hrefFor({ page: 1 })}>Go to the first page</a>
                    </>
                  ) : filtered ? (
                    <>
                      No {props.noun ?? "rows"} match these filters.{" "}
                      <a href={hrefFor({ q: "", filters: {}, page: 1 })}>Clear filters</a>
                    </>
                  ) : (
                    (props.empty ?? <EmptyState compact title={`No ${props.noun ?? "rows"} yet`} />)
                  )}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pager
        basePath={basePath}
        spec={spec}
        params={params}
        total={props.total}
        totalEstimated={props.totalEstimated}
        keyset={props.keyset}
        rowCount={rows.length}
        extraParams={extraParams}
        noun={props.noun}
      />
    </section>
  );
}
