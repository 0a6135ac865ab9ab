import { principalsOf } from "../define-kit-matrix.ts";
import type { KitMatrix } from "../matrix.ts";
import { principalName } from "../principals.ts";
import { type PostgresBinding, schemasOf } from "./binding.ts";

/** What the live catalog should hold for a kit, as flat sets of keys the verifier compares. */
export interface ExpectedPostgresState {
  readonly roles: string[];
  /** schema → required owner (app schemas) or a role that must NOT own it (synced schemas). */
  readonly schemas: { name: string; authority: "lakebase" | "synced" }[];
  /** `schema|grantee|privilege` */
  readonly schemaAcl: Set<string>;
  /** schema → `grantee|privilege` expected on every table in it. */
  readonly tablesAcl: Map<string, Set<string>>;
  /** `schema.table` → `grantee|privilege` expected on that table only. */
  readonly tableAcl: Map<string, Set<string>>;
  /** `schema|forRole|grantee|privilege` */
  readonly defaultAcl: Set<string>;
}

/** Derives the expected live state; `currentRole` stands in for the synced-table creator when unbound. */
export function expectedPostgresState(
  matrix: KitMatrix,
  binding: PostgresBinding,
  currentRole: string,
): ExpectedPostgresState {
  const synced = new Set(schemasOf(matrix, "synced").map((s) => s.name));
  const state: ExpectedPostgresState = {
    roles: principalsOf(matrix, "lakebase").map((p) => principalName(p, binding)),
    schemas: matrix.lakebase.schemas.map((s) => ({ name: s.name, authority: s.authority })),
    schemaAcl: new Set(),
    tablesAcl: new Map(matrix.lakebase.schemas.map((s) => [s.name, new Set<string>()])),
    tableAcl: new Map(),
    defaultAcl: new Set(),
  };
  for (const grant of matrix.lakebase.grants) {
    const grantee = principalName(grant.principal, binding);
    for (const privilege of grant.privileges) {
      if (grant.on === "schema") {
        state.schemaAcl.add(`${grant.schema}|${grantee}|${privilege}`);
      } else if (grant.on === "tables") {
        state.tablesAcl.get(grant.schema)?.add(`${grantee}|${privilege}`);
        const creator = synced.has(grant.schema)
          ? (binding.syncedTableOwner ?? currentRole)
          : binding.appPrincipal;
        state.defaultAcl.add(`${grant.schema}|${creator}|${grantee}|${privilege}`);
      } else {
        const key = `${grant.schema}.${grant.on.table}`;
        const set = state.tableAcl.get(key) ?? new Set<string>();
        set.add(`${grantee}|${privilege}`);
        state.tableAcl.set(key, set);
      }
    }
  }
  return state;
}
