import {
  type ColumnRule,
  type KitMatrix,
  type KitMatrixDeclaration,
  MASK_FORMATS,
  type RowMatch,
  type RowRule,
} from "./matrix.ts";
import { type Principal, principalKey } from "./principals.ts";
import {
  PG_SCHEMA_PRIVILEGES,
  PG_TABLE_PRIVILEGES,
  SYNCED_SCHEMA_PRIVILEGES,
  SYNCED_TABLE_PRIVILEGES,
  UC_PRIVILEGES,
} from "./privileges.ts";
import { columnName, qualifiedName } from "./table-names.ts";

/** A matrix that contradicts itself; lists every problem with the path to fix. */
export class MatrixDeclarationError extends Error {
  constructor(
    readonly kit: string,
    readonly issues: readonly string[],
  ) {
    super(`Grant matrix "${kit}" is invalid:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "MatrixDeclarationError";
  }
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PERMISSION = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;
const PG_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Declares a kit matrix: resolves its rules' drizzle tables and columns to their SQL names and checks
 * every cross-reference, so a typo fails at typecheck or at import, not at runtime.
 */
export function defineKitMatrix<const P extends string, const R extends string>(
  declaration: KitMatrixDeclaration<P, R>,
): KitMatrix<P, R> {
  const { columnRules = [], rowRules = {}, ...rest } = declaration;
  const issues: string[] = [];
  const byTable: Record<string, Record<string, ColumnRule<P>>> = {};
  for (const { column, ...rule } of columnRules) {
    const name = columnName(column);
    const table = byTable[name.table] ?? {};
    byTable[name.table] = table;
    if (table[name.column]) issues.push(`columnRules: ${name.table}.${name.column} has two rules`);
    table[name.column] = rule;
  }
  const resolvedRows: Record<string, RowRule<P>> = {};
  for (const [ruleName, rule] of Object.entries(rowRules)) {
    const table = qualifiedName(rule.table);
    const match = rule.match.map((clause): RowMatch => {
      const name = columnName(clause.column);
      if (name.table !== table)
        issues.push(
          `rowRules.${ruleName}.match: column ${name.table}.${name.column} is not a column of ${table}`,
        );
      const { column: _column, ...test } = clause;
      return { column: name.column, ...test } as RowMatch;
    });
    resolvedRows[ruleName] = { table, description: rule.description, seeAllWith: rule.seeAllWith, match };
  }
  const matrix: KitMatrix<P, R> = { ...rest, columnRules: byTable, rowRules: resolvedRows };
  issues.push(...matrixIssues(matrix));
  if (issues.length > 0) throw new MatrixDeclarationError(matrix.kit, issues);
  return matrix;
}

/** Every inconsistency in a matrix, as messages that name the field and say how to fix it. */
export function matrixIssues(matrix: KitMatrix): string[] {
  const issues: string[] = [];
  const permissions = new Set<string>(matrix.permissions);
  const groups = new Set(matrix.groups.map((g) => g.name));
  const users = new Set(matrix.users.map((u) => u.email.toLowerCase()));

  if (!KEBAB.test(matrix.kit)) issues.push(`kit: "${matrix.kit}" must be kebab-case, e.g. "customer-hub"`);
  if (matrix.permissions.length === 0) issues.push("permissions: declare at least one permission");
  issues.push(...duplicates("permissions", matrix.permissions));
  for (const p of matrix.permissions) {
    if (!PERMISSION.test(p)) issues.push(`permissions: "${p}" must look like "noun.verb", e.g. "note.write"`);
  }
  issues.push(
    ...duplicates(
      "groups",
      matrix.groups.map((g) => g.name),
    ),
  );
  issues.push(
    ...duplicates(
      "users",
      matrix.users.map((u) => u.email.toLowerCase()),
    ),
  );

  const knownPermission = (path: string, p: string) => {
    if (!permissions.has(p))
      issues.push(`${path}: "${p}" is not in permissions; declare it or fix the spelling`);
  };
  const knownPrincipal = (path: string, p: Principal) => {
    if (p.kind === "group" && !groups.has(p.name))
      issues.push(`${path}: group "${p.name}" is not declared in groups`);
    if (p.kind === "user" && !users.has(p.email.toLowerCase()))
      issues.push(`${path}: user "${p.email}" is not declared in users`);
  };

  for (const [role, decl] of Object.entries(matrix.roles) as [string, KitMatrix["roles"][string]][]) {
    if (!KEBAB.test(role)) issues.push(`roles.${role}: role names must be kebab-case`);
    for (const [i, p] of decl.permissions.entries()) knownPermission(`roles.${role}.permissions[${i}]`, p);
    for (const [i, g] of decl.groups.entries()) {
      if (!groups.has(g)) issues.push(`roles.${role}.groups[${i}]: group "${g}" is not declared in groups`);
    }
    for (const [i, u] of (decl.users ?? []).entries()) {
      if (!users.has(u.toLowerCase()))
        issues.push(`roles.${role}.users[${i}]: user "${u}" is not declared in users`);
    }
  }

  const ucSchemas = new Set(matrix.unityCatalog.schemas.map((s) => s.name));
  issues.push(
    ...duplicates(
      "unityCatalog.schemas",
      matrix.unityCatalog.schemas.map((s) => s.name),
    ),
  );
  for (const [i, grant] of matrix.unityCatalog.grants.entries()) {
    const path = `unityCatalog.grants[${i}]`;
    knownPrincipal(`${path}.principal`, grant.principal);
    if (grant.on.type !== "catalog" && !ucSchemas.has(grant.on.schema))
      issues.push(`${path}.on.schema: "${grant.on.schema}" is not declared in unityCatalog.schemas`);
    if (grant.privileges.length === 0) issues.push(`${path}.privileges: list at least one privilege`);
    for (const p of grant.privileges) {
      if (!(UC_PRIVILEGES as readonly string[]).includes(p))
        issues.push(`${path}.privileges: "${p}" is not a Unity Catalog privilege (see UC_PRIVILEGES)`);
    }
  }

  const pgSchemas = new Map(matrix.lakebase.schemas.map((s) => [s.name, s]));
  issues.push(
    ...duplicates(
      "lakebase.schemas",
      matrix.lakebase.schemas.map((s) => s.name),
    ),
  );
  for (const s of matrix.lakebase.schemas) {
    if (!PG_NAME.test(s.name)) issues.push(`lakebase.schemas: "${s.name}" must be a lower_snake_case name`);
  }
  for (const [i, grant] of matrix.lakebase.grants.entries()) {
    const path = `lakebase.grants[${i}]`;
    knownPrincipal(`${path}.principal`, grant.principal);
    const schema = pgSchemas.get(grant.schema);
    if (!schema) issues.push(`${path}.schema: "${grant.schema}" is not declared in lakebase.schemas`);
    if (grant.privileges.length === 0) issues.push(`${path}.privileges: list at least one privilege`);
    const onSchema = grant.on === "schema";
    const allowed: readonly string[] = onSchema ? PG_SCHEMA_PRIVILEGES : PG_TABLE_PRIVILEGES;
    const syncedAllowed: readonly string[] = onSchema ? SYNCED_SCHEMA_PRIVILEGES : SYNCED_TABLE_PRIVILEGES;
    for (const p of grant.privileges) {
      if (!allowed.includes(p))
        issues.push(`${path}.privileges: "${p}" does not apply to ${onSchema ? "a schema" : "tables"}`);
      else if (schema?.authority === "synced" && !syncedAllowed.includes(p))
        issues.push(
          `${path}.privileges: "${p}" on synced schema "${grant.schema}" would let the app write data the lakehouse owns; synced schemas allow only ${syncedAllowed.join(", ")}`,
        );
    }
    if (grant.principal.kind === "app" && schema?.authority === "lakebase")
      issues.push(`${path}: the app owns lakebase schema "${grant.schema}"; owners need no grants`);
  }

  for (const [table, rules] of Object.entries(matrix.columnRules)) {
    if (!table.includes("."))
      issues.push(`columnRules.${table}: key must be schema-qualified, e.g. "customer.profile"`);
    for (const [column, rule] of Object.entries(rules)) {
      knownPermission(`columnRules.${table}.${column}.unmaskedWith`, rule.unmaskedWith);
      if (!(MASK_FORMATS as readonly string[]).includes(rule.mask))
        issues.push(
          `columnRules.${table}.${column}.mask: "${rule.mask}" is not one of ${MASK_FORMATS.join(", ")}`,
        );
    }
  }
  for (const [name, rule] of Object.entries(matrix.rowRules)) {
    for (const [i, p] of rule.seeAllWith.entries()) knownPermission(`rowRules.${name}.seeAllWith[${i}]`, p);
    if (rule.match.length === 0)
      issues.push(
        `rowRules.${name}.match: add at least one clause, or nobody without seeAllWith sees any row`,
      );
  }
  return issues;
}

function duplicates(path: string, values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const v of values) (seen.has(v) ? dupes : seen).add(v);
  return [...dupes].map((v) => `${path}: "${v}" is listed twice`);
}

/** Principals a matrix grants anything to, de-duplicated, app first. */
export function principalsOf(matrix: KitMatrix, scope: "lakebase" | "unityCatalog"): Principal[] {
  const found = new Map<string, Principal>([["app", { kind: "app" }]]);
  for (const g of matrix[scope].grants) found.set(principalKey(g.principal), g.principal);
  return [...found.values()];
}
