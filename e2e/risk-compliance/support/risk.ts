import { expect, type Page } from "@playwright/test";
import type pg from "pg";
import { kitDatabase } from "../../shared/kit-database.ts";

export { actAs } from "../../shared/kit-database.ts";

/** The running kit's database (see kitDatabase); local servers only. */
export const riskDatabase = (): pg.Pool => kitDatabase("risk-compliance");

/**
 * A fresh structuring alert on a served entity, as a rule hit raises it (unique dedup key per call).
 * `urgent` puts it at the head of the open queue (priority 1, due within the hour).
 */
export async function raiseStructuringAlert(
  db: pg.Pool,
  options: { urgent?: boolean } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into risk_compliance.alert (dedup_key, entity_id, rule_id, rule_name, severity, priority, score, due_at)
     select 'e2e:' || gen_random_uuid(), entity_id, 'TM-001', 'Structuring below the reporting threshold', 'high',
       case when $1 then 1 else 2 end, 82, now() + case when $1 then interval '1 hour' else interval '24 hours' end
       from risk.entities order by entity_id limit 1 returning id`,
    [options.urgent ?? false],
  );
  return rows[0]!.id;
}

/** Claims the alert as the page's person and escalates it to a case; returns the case id. */
export async function escalateToCase(
  page: Page,
  alertId: string,
  risk: "low" | "medium" | "high" = "medium",
) {
  await page.goto(`/alerts/${alertId}`);
  await page.getByRole("form", { name: "Claim" }).getByRole("button", { name: "Claim" }).click();
  const escalate = page.getByRole("form", { name: "Escalate to a case" });
  await escalate.getByLabel("Risk level").selectOption(risk);
  await escalate.getByRole("button", { name: "Escalate to a case" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/Audit chain verified/)).toBeVisible();
  return page.url().split("/cases/")[1]!;
}
