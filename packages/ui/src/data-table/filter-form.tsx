import type { TableParams } from "./table-params.ts";
import { PARAM, type TableSpec } from "./table-spec.ts";
import { tableHref, tableSearchParams } from "./table-url.ts";

export type FilterFormProps = {
  basePath: string;
  spec: TableSpec;
  params: TableParams;
  extraParams?: Record<string, string>;
  /** Placeholder of the search box; `false` hides the search box. */
  search?: string | false;
};

/** GET form with text search and select filters; keeps sort and page size, resets to page 1. */
export function FilterForm({ basePath, spec, params, extraParams = {}, search = "Search" }: FilterFormProps) {
  const prefix = spec.paramPrefix ?? "";
  const filters = spec.filters ?? [];
  if (search === false && filters.length === 0) return null;
  // Carry everything the form does not edit (sort, size, unrelated page params) as hidden fields.
  const kept = tableSearchParams(
    spec,
    { ...params, q: "", filters: {}, page: 1, after: null, before: null },
    extraParams,
  );
  const active = params.q !== "" || Object.keys(params.filters).length > 0;
  return (
    <form className="ab-filters" method="get" action={basePath} role="search">
      {[...kept.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {search === false ? null : (
        <label className="ab-filters__search">
          <span className="ab-sr-only">{search}</span>
          <input
            className="ab-input"
            type="search"
            name={prefix + PARAM.q}
            defaultValue={params.q}
            placeholder={search}
            maxLength={spec.maxQueryLength ?? 200}
          />
        </label>
      )}
      {filters.map((filter) => (
        <label key={filter.key} className="ab-filters__select">
          <span className="ab-filters__label">{filter.label}</span>
          <select
            className="ab-select"
            name={prefix + filter.key}
            defaultValue={params.filters[filter.key] ?? ""}
          >
            <option value="">All</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label ?? option.value}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button className="ab-button" type="submit">
        Apply
      </button>
      {active ? (
        <a
          className="ab-button ab-button--ghost"
          href={tableHref(basePath, spec, params, { q: "", filters: {}, page: 1 }, extraParams)}
        >
          Clear
        </a>
      ) : null}
    </form>
  );
}
