import type { KitMatrix, LakebaseSchema } from "../matrix.ts";
import type { PrincipalBinding } from "../principals.ts";

/** Values bound when Postgres grants are planned, applied or verified. */
export interface PostgresBinding extends PrincipalBinding {
  /** `databricks`: roles via `databricks_create_role` (Lakebase). `local`: plain `CREATE ROLE`. */
  readonly target: "local" | "databricks";
  /**
   * The role that creates synced tables (on Lakebase the sync pipeline's role; locally the Synced
   * Tables engine's login). Default privileges on synced schemas are declared for it; when omitted,
   * for the role running apply.
   */
  readonly syncedTableOwner?: string;
}

/** The minimal query surface of a `pg` Client; apply needs a single connection for its transaction. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The schemas of one authority. */
export function schemasOf(matrix: KitMatrix, authority: LakebaseSchema["authority"]): LakebaseSchema[] {
  return matrix.lakebase.schemas.filter((s) => s.authority === authority);
}
