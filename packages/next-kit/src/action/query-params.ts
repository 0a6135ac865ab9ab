import {
  parseTableParams,
  type SearchParamsInput,
  type TableParams,
  type TableSpec,
} from "@appbase/ui/data-table";
import { z } from "zod";
import { textProblem } from "./fields.ts";

// URL parameters reach pages and route handlers alike; both read them through these, so `?q=%00` or
// `?asOf=2026-02-30` is reported to the person (a page shows the issue, a route answers 400), never
// handed to the database.

/** Longest value of any URL parameter a kit reads; longer ones are refused before any other rule. */
export const MAX_PARAM_LENGTH = 2000;

/** The first value of each parameter, as Next hands them to pages or as a URL carries them. */
export function firstValues(input: SearchParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && !(key in out)) out[key] = first;
  }
  return out;
}

/** Why the parameter `key` cannot be read at all (hostile characters, too long); null when it can. */
export function paramProblem(key: string, value: string): string | null {
  if (value.length > MAX_PARAM_LENGTH) return `${key} can be at most ${MAX_PARAM_LENGTH} characters.`;
  return textProblem(key, value);
}

/**
 * A page's parameters validated one by one with `shape`: a parameter that fails is left out (so the
 * page falls back to its default) and its message is in `issues` for the page to show.
 */
export function readPageParams<T extends z.ZodRawShape>(
  input: SearchParamsInput,
  shape: T,
): { values: Partial<z.output<z.ZodObject<T>>>; issues: string[] } {
  const raw = firstValues(input);
  const values: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const value = raw[key];
    if (value === undefined || value === "") continue;
    const problem = paramProblem(key, value);
    const parsed = problem ? null : (schema as z.ZodType).safeParse(value);
    if (parsed?.success) values[key] = parsed.data;
    else issues.push(problem ?? parsed?.error.issues[0]?.message ?? `${key} is not valid.`);
  }
  return { values: values as Partial<z.output<z.ZodObject<T>>>, issues };
}

/** A table's parameters (page, sort, search, filters): `parseTableParams` after the character rules. */
export function tableParams(input: SearchParamsInput, spec: TableSpec): TableParams {
  const clean: Record<string, string> = {};
  const issues: string[] = [];
  for (const [key, value] of Object.entries(firstValues(input))) {
    const problem = paramProblem(key, value);
    if (problem) issues.push(`${problem} It was ignored.`);
    else clean[key] = value;
  }
  const params = parseTableParams(clean, spec);
  return { ...params, issues: [...issues, ...params.issues] };
}

/**
 * A route's query for a table as a zod schema: hostile parameters are a field error (400), the rest
 * is left to `tableParams`, which reports values it ignores.
 */
export const tableQuery = z.record(z.string(), z.string()).superRefine((query, ctx) => {
  for (const [key, value] of Object.entries(query)) {
    const problem = paramProblem(key, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: [key] });
  }
});
