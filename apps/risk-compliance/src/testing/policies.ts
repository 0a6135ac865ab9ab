import { policies } from "@appbase/synthetic-data";
import type pg from "pg";

/** Loads the synthetic gold policies (the same generator `appbase up` syncs from) into `risk.policies`. */
export async function loadSyntheticPolicies(
  pool: pg.Pool,
  scale: "tiny" | "default" = "tiny",
): Promise<number> {
  const rows = [...policies.rows({ seed: 42, scale, epoch: "2026-12-01T00:00:00Z" })];
  for (const r of rows) {
    await pool.query(
      `insert into risk.policies (policy_id, title, category, version, owner, effective_date, body)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
      [r.policy_id, r.title, r.category, r.version, r.owner, r.effective_date, r.body],
    );
  }
  return rows.length;
}
