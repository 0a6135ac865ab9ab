import type { TableParams } from "./table-params.ts";
import { DEFAULT_PAGE_SIZES, PARAM, type TableSpec } from "./table-spec.ts";

type TableState = Pick<TableParams, "page" | "pageSize" | "sort" | "dir" | "q" | "filters"> &
  Partial<Pick<TableParams, "after" | "before">>;

/** Search params for a table state, leaving out values equal to the defaults so URLs stay short. */
export function tableSearchParams(
  spec: TableSpec,
  state: TableState,
  extra: Record<string, string> = {},
): URLSearchParams {
  const prefix = spec.paramPrefix ?? "";
  const params = new URLSearchParams(extra);
  const defaultSize = spec.pageSizes?.[0] ?? DEFAULT_PAGE_SIZES[0];
  const isDefaultSort =
    state.sort === (spec.defaultSort?.key ?? null) && state.dir === (spec.defaultSort?.dir ?? "asc");
  if (state.q) params.set(prefix + PARAM.q, state.q);
  for (const [key, value] of Object.entries(state.filters)) params.set(prefix + key, value);
  if (state.sort && !isDefaultSort) {
    params.set(prefix + PARAM.sort, state.sort);
    params.set(prefix + PARAM.dir, state.dir);
  }
  if (state.pageSize !== defaultSize) params.set(prefix + PARAM.pageSize, String(state.pageSize));
  if (state.page > 1) params.set(prefix + PARAM.page, String(state.page));
  if (state.after) params.set(prefix + PARAM.after, state.after);
  else if (state.before) params.set(prefix + PARAM.before, state.before);
  return params;
}

/**
 * A link to `basePath` showing the table in `state` with `changes` applied. Any change other than a
 * keyset move (sort, filters, page, size) starts from the first page, so it drops the cursor.
 */
export function tableHref(
  basePath: string,
  spec: TableSpec,
  state: TableState,
  changes: Partial<TableState> = {},
  extra: Record<string, string> = {},
): string {
  const moves = "after" in changes || "before" in changes;
  const reset = Object.keys(changes).length > 0 && !moves ? { after: null, before: null } : {};
  const query = tableSearchParams(spec, { ...state, ...reset, ...changes }, extra).toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** Where a click on a column header leads: same column flips direction, a new column starts ascending. */
export function sortChange(state: Pick<TableParams, "sort" | "dir">, column: string): Partial<TableState> {
  const dir = state.sort === column && state.dir === "asc" ? "desc" : "asc";
  return { sort: column, dir, page: 1 };
}
