export type { Column } from "./column.tsx";
export { DataTable, type DataTableProps } from "./data-table.tsx";
export { FilterForm, type FilterFormProps } from "./filter-form.tsx";
export { pageList } from "./page-list.ts";
export { aboutCount, Pager, type PagerProps } from "./pager.tsx";
export {
  assertTableSpec,
  pageWindow,
  parseTableParams,
  type SearchParamsInput,
  type TableParams,
} from "./table-params.ts";
export { DEFAULT_PAGE_SIZES, type SortDir, type TableFilter, type TableSpec } from "./table-spec.ts";
export { sortChange, tableHref, tableSearchParams } from "./table-url.ts";
