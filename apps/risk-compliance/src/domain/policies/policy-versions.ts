import type { Queryable } from "@appbase/db";
import { type TransactionalDb as Database, inTransaction, rowOf } from "@appbase/db";
import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { type PolicyVersionRow, policyVersion } from "../../db/schema/policy-version.ts";

export type PolicyVersion = PolicyVersionRow;

export const JURISDICTIONS = ["global", "EMEA", "Americas", "APAC"] as const;

/** A synced policy's region, from its title's variant suffix ("… (EMEA)"); otherwise global. */
export function jurisdictionOf(title: string): string {
  const variant = /\((EMEA|Americas|APAC)\b[^)]*\)\s*$/.exec(title);
  return variant ? variant[1]! : "global";
}

/**
 * Copies the synced gold policies into the kit's versions (each becomes that policy's current
 * version unless the kit already holds it). Re-running adds nothing.
 */
export async function importSyncedPolicies(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ policy_id: string; title: string }>(
    "select policy_id, title from risk.policies where policy_id not in (select policy_id from risk_compliance.policy_version)",
  );
  let added = 0;
  for (const r of rows) {
    const { rowCount } = await db.query(
      `insert into risk_compliance.policy_version (policy_id, version, title, category, jurisdiction, effective_date, body, is_current, published_by)
       select policy_id, version, title, category, $2, effective_date, body, true, 'gold-sync' from risk.policies where policy_id = $1
       on conflict do nothing`,
      [r.policy_id, jurisdictionOf(r.title)],
    );
    added += rowCount ?? 0;
  }
  return added;
}

function versionParts(v: string): number[] {
  return v.split(".").map(Number);
}

/** Whether version `a` is newer than `b` (1.10 > 1.9). */
export function isNewer(a: string, b: string): boolean {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return false;
}

/**
 * Publishes a new version of a policy; it becomes current and the older versions' chunks stop
 * being "current" in retrieval at once. Its chunks are embedded by the next `indexPolicies`.
 */
export async function publishPolicyVersion(
  db: Database,
  input: {
    policyId: string;
    version: string;
    body: string;
    effectiveDate: string;
    actor: string;
    title?: string;
  },
): Promise<PolicyVersion> {
  return inTransaction(db, async (tx) => {
    const { rows } = await tx.query(
      "select * from risk_compliance.policy_version where policy_id = $1 and is_current for update",
      [input.policyId],
    );
    const current = rows[0] ? rowOf(policyVersion, rows[0]) : null;
    if (!current) throw new FieldRuleError("policyId", `Policy ${input.policyId} is not known.`);
    if (!isNewer(input.version, current.version)) {
      throw new ConflictError(
        `Version ${input.version} is not newer than the current ${current.version}.`,
        current,
      );
    }
    await tx.query("update risk_compliance.policy_version set is_current = false where policy_id = $1", [
      input.policyId,
    ]);
    const inserted = await tx.query(
      `insert into risk_compliance.policy_version (policy_id, version, title, category, jurisdiction, effective_date, body, is_current, published_by)
       values ($1, $2, $3, $4, $5, $6, $7, true, $8) returning *`,
      [
        input.policyId,
        input.version,
        input.title ?? current.title,
        current.category,
        current.jurisdiction,
        input.effectiveDate,
        input.body,
        input.actor,
      ],
    );
    // Chunk tables exist only where pgvector does.
    if (await hasRetrieval(tx)) {
      await tx.query(
        "update risk_compliance.policy_chunk set is_current = (version = $2) where policy_id = $1",
        [input.policyId, input.version],
      );
    }
    return rowOf(policyVersion, inserted.rows[0] as Record<string, unknown>);
  });
}

/** Whether this database has the retrieval tables (pgvector was available when it was migrated). */
export async function hasRetrieval(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    "select to_regclass('risk_compliance.policy_chunk') is not null as ok",
  );
  return rows[0]?.ok === true;
}

/** All versions of a policy, newest first. */
export async function listPolicyVersions(db: Queryable, policyId: string): Promise<PolicyVersion[]> {
  const { rows } = await db.query("select * from risk_compliance.policy_version where policy_id = $1", [
    policyId,
  ]);
  return rows.map((r) => rowOf(policyVersion, r)).sort((a, b) => (isNewer(a.version, b.version) ? -1 : 1));
}
