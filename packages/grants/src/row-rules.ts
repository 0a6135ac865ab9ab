import { permissionsOf } from "./access.ts";
import type { GrantsIdentity } from "./identity.ts";
import type { KitMatrix, RowMatch, RowRule } from "./matrix.ts";
import { quoteIdent } from "./sql-quote.ts";

/** A SQL boolean expression with its positional parameters, ready to AND into a WHERE clause. */
export interface SqlPredicate {
  readonly sql: string;
  readonly params: unknown[];
  /** The next free `$n` after this predicate's parameters. */
  readonly nextParam: number;
}

/** The named row rule; throws naming the rule if the matrix does not declare it. */
export function rowRuleFor<P extends string>(matrix: KitMatrix<P>, name: string): RowRule<P> {
  const rule = matrix.rowRules[name];
  if (!rule) {
    const known = Object.keys(matrix.rowRules).join(", ") || "none";
    throw new Error(`${matrix.kit} grant matrix has no row rule "${name}" (declared: ${known}).`);
  }
  return rule;
}

function seesAll<P extends string>(
  identity: GrantsIdentity,
  rule: RowRule<P>,
  matrix: KitMatrix<P>,
): boolean {
  const held = permissionsOf(identity, matrix);
  return rule.seeAllWith.some((p) => held.has(p));
}

function identityValue(identity: GrantsIdentity, match: RowMatch): string | readonly string[] | null {
  if ("equals" in match) return match.equals === "userId" ? identity.userId : identity.email;
  if ("inGroups" in match) return identity.groups;
  return null;
}

/**
 * The rule as SQL for this identity. Values are compared as text so the SQL and the in-memory
 * filter agree for uuid and numeric columns too.
 */
export function rowPredicate<P extends string>(
  identity: GrantsIdentity,
  rule: RowRule<P>,
  matrix: KitMatrix<P>,
  options: { alias?: string; firstParam?: number } = {},
): SqlPredicate {
  let next = options.firstParam ?? 1;
  if (seesAll(identity, rule, matrix)) return { sql: "TRUE", params: [], nextParam: next };
  const prefix = options.alias ? `${quoteIdent(options.alias)}.` : "";
  const params: unknown[] = [];
  const clauses = rule.match.map((match) => {
    const column = `${prefix}${quoteIdent(match.column)}`;
    if ("isNull" in match) return `${column} IS NULL`;
    const value = identityValue(identity, match);
    params.push(Array.isArray(value) ? [...value] : value);
    const placeholder = `$${next++}`;
    return "inGroups" in match
      ? `${column}::text = ANY(${placeholder}::text[])`
      : `${column}::text = ${placeholder}`;
  });
  const sql = clauses.length === 0 ? "FALSE" : `(${clauses.join(" OR ")})`;
  return { sql, params, nextParam: next };
}

/** The same rule as an in-memory predicate, for rows already loaded or pushed over a live channel. */
export function rowFilter<P extends string>(
  identity: GrantsIdentity,
  rule: RowRule<P>,
  matrix: KitMatrix<P>,
): (row: Readonly<Record<string, unknown>>) => boolean {
  if (seesAll(identity, rule, matrix)) return () => true;
  return (row) =>
    rule.match.some((match) => {
      const cell = row[match.column];
      if ("isNull" in match) return cell === null || cell === undefined;
      if (cell === null || cell === undefined) return false;
      const value = identityValue(identity, match);
      return Array.isArray(value) ? value.includes(String(cell)) : String(cell) === value;
    });
}
