import { permissionsOf } from "./access.ts";
import type { GrantsIdentity } from "./identity.ts";
import type { ColumnRules, KitMatrix } from "./matrix.ts";
import type { ResolvedColumnRule } from "./shield.ts";

/** The column rules of one table; throws naming the table if the matrix declares none. */
export function columnRulesFor<P extends string>(matrix: KitMatrix<P>, table: string): ColumnRules<P> {
  const rules = matrix.columnRules[table];
  if (!rules) {
    const known = Object.keys(matrix.columnRules).join(", ") || "none";
    throw new Error(`${matrix.kit} grant matrix has no column rules for "${table}" (declared: ${known}).`);
  }
  return rules;
}

/** Column rules resolved for one identity: each column's format, and whether this identity sees it raw. */
export function resolveColumnRules<P extends string>(
  identity: GrantsIdentity,
  rules: ColumnRules<P>,
  matrix: KitMatrix<P>,
): Record<string, ResolvedColumnRule> {
  const held = permissionsOf(identity, matrix);
  return Object.fromEntries(
    Object.entries(rules).map(([column, rule]) => [
      column,
      { mask: rule.mask, unmasked: held.has(rule.unmaskedWith) },
    ]),
  );
}
