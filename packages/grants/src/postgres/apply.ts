import type { Queryable } from "./binding.ts";
import type { PlannedStatement } from "./plan.ts";

/** A plan statement failed; the transaction was rolled back, so nothing was changed. */
export class GrantApplyError extends Error {
  constructor(
    readonly statement: PlannedStatement,
    readonly pgError: unknown,
  ) {
    const pg = pgError as { message?: string; code?: string };
    const hint =
      pg.code === "42501"
        ? " Connect as a role that may create roles and owns (or is a member of the owners of) the kit's schemas, e.g. the project owner or a local superuser."
        : pg.code === "42883" && statement.sql.includes("databricks_create_role")
          ? " databricks_create_role exists only on Lakebase; use --target local against a plain Postgres."
          : "";
    super(
      `Applying grants failed at "${statement.purpose}": ${pg.message ?? String(pgError)}.${hint}\n  SQL: ${statement.sql}`,
    );
    this.name = "GrantApplyError";
  }
}

/**
 * Runs a plan in one transaction on a single connection (not a pool): all of it lands or none.
 * Every statement is idempotent, so re-running is safe.
 */
export async function applyPostgresPlan(
  db: Queryable,
  plan: readonly PlannedStatement[],
): Promise<{ applied: number }> {
  await db.query("BEGIN");
  try {
    // Serialises concurrent applies against one database so their DO blocks do not interleave.
    await db.query("SELECT pg_advisory_xact_lock(hashtext('appbase.grants'))");
    for (const statement of plan) {
      try {
        await db.query(statement.sql);
      } catch (error) {
        throw new GrantApplyError(statement, error);
      }
    }
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  return { applied: plan.length };
}
