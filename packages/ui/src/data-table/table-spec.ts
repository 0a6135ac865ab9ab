/** One select filter: a whitelisted URL parameter with labelled options. */
export type TableFilter = {
  key: string;
  label: string;
  options: ReadonlyArray<{ value: string; label?: string }>;
};

export type SortDir = "asc" | "desc";

/**
 * What a table accepts from the URL. Declared once per table and given to both `parseTableParams`
 * (which turns untrusted search params into SQL-safe values) and `DataTable` (which renders links).
 */
export type TableSpec = {
  /** Column keys that may be sorted on; anything else in `sort` is ignored. */
  sortable: readonly string[];
  filters?: readonly TableFilter[];
  defaultSort?: { key: string; dir: SortDir };
  /** Allowed page sizes; the first is the default. */
  pageSizes?: readonly number[];
  /** Prefix for every parameter, so two tables can share one page ("alerts." → "alerts.page"). */
  paramPrefix?: string;
  /** Longest accepted free-text search. */
  maxQueryLength?: number;
};

/** Parameter names before the prefix is applied. */
export const PARAM = {
  page: "page",
  pageSize: "size",
  sort: "sort",
  dir: "dir",
  q: "q",
  after: "after",
  before: "before",
} as const;

export const DEFAULT_PAGE_SIZES = [25, 50, 100] as const;
