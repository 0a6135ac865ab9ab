import { z } from "zod";
import type { ParsedType } from "./column-types.ts";
import { LakehouseError } from "./errors.ts";
import { cellSchema, type TypedColumn } from "./values.ts";

const scalar = z.union([z.string(), z.number(), z.boolean(), z.date()]);

/**
 * A row filter both engines can run, parameterized: comparisons of a column with a value, IN lists,
 * null tests, and and/or/not. Used for reads, deletes and replaceWhere overwrites.
 */
export type Predicate =
  | { column: string; op: "=" | "!=" | "<" | "<=" | ">" | ">="; value: string | number | boolean | Date }
  | { column: string; op: "in"; values: (string | number | boolean | Date)[] }
  | { column: string; op: "is null" | "is not null" }
  | { and: Predicate[] }
  | { or: Predicate[] }
  | { not: Predicate };

export const predicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.union([
    z.object({ column: z.string(), op: z.enum(["=", "!=", "<", "<=", ">", ">="]), value: scalar }).strict(),
    z.object({ column: z.string(), op: z.literal("in"), values: z.array(scalar).min(1) }).strict(),
    z.object({ column: z.string(), op: z.enum(["is null", "is not null"]) }).strict(),
    z.object({ and: z.array(predicateSchema).min(1) }).strict(),
    z.object({ or: z.array(predicateSchema).min(1) }).strict(),
    z.object({ not: predicateSchema }).strict(),
  ]),
);

/** How a dialect spells identifiers and parameters; `param` registers a value and returns its marker. */
export interface SqlDialect {
  ident(name: string): string;
  param(text: string, type: ParsedType): string;
}

/** Renders a predicate as SQL in a dialect, validating columns and values against the table's columns. */
export function renderPredicate(
  table: string,
  columns: readonly TypedColumn[],
  predicate: Predicate,
  dialect: SqlDialect,
): string {
  const checked = predicateSchema.safeParse(predicate);
  if (!checked.success) {
    throw new LakehouseError(
      "INVALID_PREDICATE",
      `Predicate for ${table} is malformed: ${checked.error.issues[0]?.message ?? "invalid"} at ${checked.error.issues[0]?.path.join(".") || "(root)"}.`,
    );
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  const column = (name: string): TypedColumn => {
    const c = byName.get(name);
    if (!c) {
      throw new LakehouseError(
        "INVALID_PREDICATE",
        `Predicate for ${table} refers to column "${name}", which the table does not have (columns: ${[...byName.keys()].join(", ")}).`,
      );
    }
    return c;
  };
  const value = (c: TypedColumn, v: unknown): string => {
    const parsed = cellSchema(c.parsed).safeParse(v);
    if (!parsed.success) {
      throw new LakehouseError(
        "INVALID_PREDICATE",
        `Predicate for ${table}: value ${JSON.stringify(v)} for column "${c.name}" is not a valid ${c.type}.`,
      );
    }
    return dialect.param(parsed.data, c.parsed);
  };
  const render = (p: Predicate): string => {
    if ("and" in p) return `(${p.and.map(render).join(" AND ")})`;
    if ("or" in p) return `(${p.or.map(render).join(" OR ")})`;
    if ("not" in p) return `(NOT ${render(p.not)})`;
    const c = column(p.column);
    const id = dialect.ident(c.name);
    switch (p.op) {
      case "is null":
        return `(${id} IS NULL)`;
      case "is not null":
        return `(${id} IS NOT NULL)`;
      case "in":
        return `(${id} IN (${p.values.map((v) => value(c, v)).join(", ")}))`;
      case "!=":
        return `(${id} <> ${value(c, p.value)})`;
      default:
        return `(${id} ${p.op} ${value(c, p.value)})`;
    }
  };
  return render(checked.data);
}
