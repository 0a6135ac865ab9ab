import { z } from "zod";
import { DEFAULT_PAGE_SIZES, PARAM, type SortDir, type TableSpec } from "./table-spec.ts";

/** Search params as Next.js hands them to a page, or a URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Validated table state. `sort` is always a whitelisted column (or null), so it may name a SQL column. */
export type TableParams = {
  page: number;
  pageSize: number;
  offset: number;
  sort: string | null;
  dir: SortDir;
  q: string;
  /** Only declared filters with an allowed value; absent means "all". */
  filters: Record<string, string>;
  /**
   * Keyset position (opaque cursor tokens) for lists too large for page numbers: the page starts after
   * or before a boundary row. The list's query decides what the tokens mean; null on the first page.
   */
  after: string | null;
  before: string | null;
  /** Parameters that were present but ignored, phrased for a person ("sort: …"). */
  issues: string[];
};

const MAX_PAGE = 1_000_000;
/** Longest cursor token accepted from a URL (tokens are base64url). */
const MAX_CURSOR = 512;
const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE);

function readParam(input: SearchParamsInput, name: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(name) ?? undefined;
  const value = input[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Throws when a spec cannot work: a programming error, reported with the offending field. */
export function assertTableSpec(spec: TableSpec): void {
  const reserved = new Set<string>(Object.values(PARAM));
  for (const filter of spec.filters ?? []) {
    if (reserved.has(filter.key)) {
      throw new Error(
        `TableSpec.filters: key "${filter.key}" collides with a table parameter; rename the filter.`,
      );
    }
  }
  if (spec.defaultSort && !spec.sortable.includes(spec.defaultSort.key)) {
    throw new Error(`TableSpec.defaultSort: "${spec.defaultSort.key}" is not in sortable; add it there.`);
  }
  for (const size of spec.pageSizes ?? []) {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`TableSpec.pageSizes: ${size} is not a positive integer.`);
    }
  }
}

/** Validates URL search params against a table spec; invalid values fall back to defaults and are listed in `issues`. */
export function parseTableParams(input: SearchParamsInput, spec: TableSpec): TableParams {
  assertTableSpec(spec);
  const prefix = spec.paramPrefix ?? "";
  const issues: string[] = [];
  const get = (name: string) => readParam(input, prefix + name);
  const pageSizes = spec.pageSizes?.length ? spec.pageSizes : DEFAULT_PAGE_SIZES;
  const defaultPageSize = pageSizes[0] ?? DEFAULT_PAGE_SIZES[0];

  let page = 1;
  const rawPage = get(PARAM.page);
  if (rawPage !== undefined && rawPage !== "") {
    const parsed = pageSchema.safeParse(rawPage);
    if (parsed.success) page = parsed.data;
    else
      issues.push(
        `${prefix}${PARAM.page}: "${rawPage}" is not a page number from 1 to ${MAX_PAGE}; showing page 1.`,
      );
  }

  let pageSize = defaultPageSize;
  const rawSize = get(PARAM.pageSize);
  if (rawSize !== undefined && rawSize !== "") {
    const size = Number(rawSize);
    if (pageSizes.includes(size)) pageSize = size;
    else
      issues.push(
        `${prefix}${PARAM.pageSize}: ${rawSize} is not one of ${pageSizes.join(", ")}; using ${pageSize}.`,
      );
  }

  let sort = spec.defaultSort?.key ?? null;
  let dir: SortDir = spec.defaultSort?.dir ?? "asc";
  const rawSort = get(PARAM.sort);
  if (rawSort !== undefined && rawSort !== "") {
    if (spec.sortable.includes(rawSort)) {
      sort = rawSort;
      dir = "asc";
    } else {
      issues.push(
        `${prefix}${PARAM.sort}: "${rawSort}" is not sortable; sort by one of ${spec.sortable.join(", ")}.`,
      );
    }
  }
  const rawDir = get(PARAM.dir);
  if (rawDir !== undefined && rawDir !== "") {
    if (rawDir === "asc" || rawDir === "desc") dir = rawDir;
    else issues.push(`${prefix}${PARAM.dir}: "${rawDir}" must be asc or desc.`);
  }

  const maxQ = spec.maxQueryLength ?? 200;
  let q = (get(PARAM.q) ?? "").trim();
  if (q.length > maxQ) {
    issues.push(`${prefix}${PARAM.q}: search text is longer than ${maxQ} characters; it was shortened.`);
    q = q.slice(0, maxQ);
  }

  const filters: Record<string, string> = {};
  for (const filter of spec.filters ?? []) {
    const raw = get(filter.key);
    if (raw === undefined || raw === "") continue;
    if (filter.options.some((option) => option.value === raw)) filters[filter.key] = raw;
    else issues.push(`${prefix}${filter.key}: "${raw}" is not a ${filter.label} option; showing all.`);
  }

  const cursor = (name: string) => {
    const raw = get(name);
    if (raw === undefined || raw === "") return null;
    if (raw.length <= MAX_CURSOR && /^[A-Za-z0-9_-]+$/.test(raw)) return raw;
    issues.push(`${prefix}${name}: not a page position this list gave out; showing the first page.`);
    return null;
  };
  const after = cursor(PARAM.after);
  const before = after === null ? cursor(PARAM.before) : null;

  return { page, pageSize, offset: (page - 1) * pageSize, sort, dir, q, filters, after, before, issues };
}

/** Pager arithmetic: the 1-based inclusive row range on this page ("showing from–to of total") and page count. */
export function pageWindow(params: Pick<TableParams, "page" | "pageSize">, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  const beyondEnd = total > 0 && params.page > pageCount;
  if (total === 0 || beyondEnd) return { from: 0, to: 0, pageCount, beyondEnd };
  const from = (params.page - 1) * params.pageSize + 1;
  return { from, to: Math.min(total, params.page * params.pageSize), pageCount, beyondEnd };
}
