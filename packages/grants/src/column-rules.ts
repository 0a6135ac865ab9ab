import { permissionsOf } from "./access.ts";
import type { GrantsIdentity } from "./identity.ts";
import { maskValue } from "./masks.ts";
import type { ColumnRules, KitMatrix } from "./matrix.ts";

/** A row after masking: protected columns may be a masked string or absent. */
export type MaskedRow<T> = { [K in keyof T]?: T[K] | string };

/** The column rules of one table; throws naming the table if the matrix declares none. */
export function columnRulesFor<P extends string>(matrix: KitMatrix<P>, table: string): ColumnRules<P> {
  const rules = matrix.columnRules[table];
  if (!rules) {
    const known = Object.keys(matrix.columnRules).join(", ") || "none";
    throw new Error(`${matrix.kit} grant matrix has no column rules for "${table}" (declared: ${known}).`);
  }
  return rules;
}

/** The columns this identity sees masked (or not at all) under the given rules. */
export function maskedColumns<P extends string>(
  identity: GrantsIdentity,
  rules: ColumnRules<P>,
  matrix: KitMatrix<P>,
): string[] {
  const held = permissionsOf(identity, matrix);
  return Object.entries(rules)
    .filter(([, rule]) => !held.has(rule.unmaskedWith))
    .map(([column]) => column);
}

/** Returns the row as this identity may see it: protected columns masked or omitted; nulls stay null. */
export function maskRow<P extends string, T extends Record<string, unknown>>(
  identity: GrantsIdentity,
  row: T,
  rules: ColumnRules<P>,
  matrix: KitMatrix<P>,
): MaskedRow<T> {
  const out: Record<string, unknown> = { ...row };
  for (const column of maskedColumns(identity, rules, matrix)) {
    const rule = rules[column];
    if (!rule || !(column in out)) continue;
    if (rule.mask === "omit") delete out[column];
    else if (out[column] !== null && out[column] !== undefined)
      out[column] = maskValue(out[column], rule.mask);
  }
  return out as MaskedRow<T>;
}
