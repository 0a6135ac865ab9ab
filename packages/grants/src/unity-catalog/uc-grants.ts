import type { KitMatrix, UcGrant, UcSecurable } from "../matrix.ts";
import { type PrincipalBinding, principalName } from "../principals.ts";
import { type UcPrivilege, ucPrivilegeSql } from "../privileges.ts";
import { quoteBacktick } from "../sql-quote.ts";

/** Values bound when Unity Catalog grants are generated. */
export interface UcBinding extends PrincipalBinding {
  /** The catalog holding the kit's schemas (a bundle variable in real deployments). */
  readonly catalog: string;
}

/** One principal's privileges on one securable, merged across the matrix's declarations. */
export interface ResolvedUcGrant {
  readonly principal: string;
  readonly on: UcSecurable;
  readonly privileges: UcPrivilege[];
}

function securableKey(on: UcSecurable): string {
  switch (on.type) {
    case "catalog":
      return "catalog";
    case "schema":
      return `schema:${on.schema}`;
    case "table":
      return `table:${on.schema}.${on.table}`;
    case "volume":
      return `volume:${on.schema}.${on.volume}`;
  }
}

/** Merges grants per (principal, securable), keeping declaration order. */
export function resolveUcGrants(grants: readonly UcGrant[], binding: PrincipalBinding): ResolvedUcGrant[] {
  const merged = new Map<string, ResolvedUcGrant>();
  for (const grant of grants) {
    const principal = principalName(grant.principal, binding);
    const key = `${principal}\u0000${securableKey(grant.on)}`;
    const existing = merged.get(key) ?? { principal, on: grant.on, privileges: [] };
    for (const p of grant.privileges) if (!existing.privileges.includes(p)) existing.privileges.push(p);
    merged.set(key, existing);
  }
  return [...merged.values()];
}

/** The securable as Databricks SQL names it, e.g. ``SCHEMA `appbase`.`customer` ``. */
export function ucSecurableSql(on: UcSecurable, catalog: string): string {
  const c = quoteBacktick(catalog);
  switch (on.type) {
    case "catalog":
      return `CATALOG ${c}`;
    case "schema":
      return `SCHEMA ${c}.${quoteBacktick(on.schema)}`;
    case "table":
      return `TABLE ${c}.${quoteBacktick(on.schema)}.${quoteBacktick(on.table)}`;
    case "volume":
      return `VOLUME ${c}.${quoteBacktick(on.schema)}.${quoteBacktick(on.volume)}`;
  }
}

/**
 * `GRANT … ON … TO \`principal\`` statements for a kit. UC GRANT is idempotent: granting a held
 * privilege is a no-op, so the output can be run on every deploy.
 */
export function ucGrantStatements(
  matrix: KitMatrix,
  binding: UcBinding,
  options: { exclude?: (grant: UcGrant) => boolean } = {},
): string[] {
  const grants = options.exclude
    ? matrix.unityCatalog.grants.filter((g) => !options.exclude?.(g))
    : matrix.unityCatalog.grants;
  return resolveUcGrants(grants, binding).map(
    (g) =>
      `GRANT ${g.privileges.map(ucPrivilegeSql).join(", ")} ON ${ucSecurableSql(g.on, binding.catalog)} TO ${quoteBacktick(g.principal)};`,
  );
}
