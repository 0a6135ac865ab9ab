import type { KitMatrix } from "../matrix.ts";
import { applyPostgresPlan } from "./apply.ts";
import type { PostgresBinding, Queryable } from "./binding.ts";
import { type DriftItem, type VerifyOptions, verifyPostgresGrants } from "./verify.ts";

/**
 * Revokes grants and default privileges the matrix does not declare (opt-in: `apply --prune`).
 * Ownership drift is left to apply, which reassigns app schemas; synced-schema owners are the platform's.
 */
export async function prunePostgresGrants(
  db: Queryable,
  matrix: KitMatrix,
  binding: PostgresBinding,
  options: VerifyOptions = {},
): Promise<DriftItem[]> {
  const report = await verifyPostgresGrants(db, matrix, binding, options);
  const extra = report.drift.filter((d) => d.kind === "unexpected-grant" || d.kind === "unexpected-default");
  await applyPostgresPlan(
    db,
    extra.map((d) => ({ sql: d.fix, purpose: `prune: ${d.object}: ${d.detail}` })),
  );
  return extra;
}
