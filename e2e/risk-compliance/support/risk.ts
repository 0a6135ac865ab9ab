import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { e2eStateDir, repoRoot } from "../../shared/kits.ts";

/** The running kit's database (E2E_DATABASE_URL, DATABASE_URL, or the e2e local Lakebase); local servers only. */
export function riskDatabase(): pg.Pool {
  const url =
    process.env.E2E_DATABASE_URL ??
    process.env.DATABASE_URL ??
    execFileSync(process.execPath, [join(repoRoot, "packages/cli/bin/appbase.mjs"), "lakebase", "url"], {
      env: { ...process.env, APPBASE_STATE_DIR: process.env.APPBASE_STATE_DIR ?? e2eStateDir },
      encoding: "utf8",
    }).trim();
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", ""].includes(host)) {
    throw new Error(
      `The risk-compliance e2e specs write test data; refusing the non-local database at ${host}.`,
    );
  }
  return new pg.Pool({ connectionString: url, max: 2 });
}

/** Signs the page in as one of the kit's local people (the identity switcher's cookie). */
export async function actAs(page: Page, userId: string, baseURL: string): Promise<void> {
  await page.context().addCookies([{ name: "appbase_local_user", value: userId, url: baseURL }]);
}

/** A fresh structuring alert on a served entity, as a rule hit raises it (unique dedup key per call). */
export async function raiseStructuringAlert(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into risk_compliance.alert (dedup_key, entity_id, rule_id, rule_name, severity, priority, score, due_at)
     select 'e2e:' || gen_random_uuid(), entity_id, 'TM-001', 'Structuring below the reporting threshold', 'high', 2, 82, now() + interval '24 hours'
       from risk.entities order by entity_id limit 1 returning id`,
  );
  return rows[0]!.id;
}
