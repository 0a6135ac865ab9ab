import type pg from "pg";
import { kitDatabase } from "../../shared/kit-database.ts";

export { actAs } from "../../shared/kit-database.ts";

/** The running kit's database (see kitDatabase); local servers only. */
export const riskDatabase = (): pg.Pool => kitDatabase("risk-compliance");

/** A fresh structuring alert on a served entity, as a rule hit raises it (unique dedup key per call). */
export async function raiseStructuringAlert(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into risk_compliance.alert (dedup_key, entity_id, rule_id, rule_name, severity, priority, score, due_at)
     select 'e2e:' || gen_random_uuid(), entity_id, 'TM-001', 'Structuring below the reporting threshold', 'high', 2, 82, now() + interval '24 hours'
       from risk.entities order by entity_id limit 1 returning id`,
  );
  return rows[0]!.id;
}
