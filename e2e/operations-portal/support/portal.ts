import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { e2eStateDir, repoRoot } from "../../shared/kits.ts";

/**
 * The database the running portal uses: E2E_DATABASE_URL or DATABASE_URL when set (a kit run by hand
 * against a Postgres), else the local Lakebase of APPBASE_STATE_DIR or the end-to-end state folder.
 * Refuses anything but a local server: the specs arrange data.
 */
export function portalDatabase(): pg.Pool {
  const url =
    process.env.E2E_DATABASE_URL ??
    process.env.DATABASE_URL ??
    execFileSync(process.execPath, [join(repoRoot, "packages/cli/bin/appbase.mjs"), "lakebase", "url"], {
      env: { ...process.env, APPBASE_STATE_DIR: process.env.APPBASE_STATE_DIR ?? e2eStateDir },
      encoding: "utf8",
    }).trim();
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", ""].includes(host))
    throw new Error(
      `The operations-portal e2e specs write test data; refusing the non-local database at ${host}.`,
    );
  return new pg.Pool({ connectionString: url, max: 2 });
}

/** Signs the page in as one of the kit's local people (the switcher's cookie, as its form sets it). */
export async function actAs(page: Page, userId: string, baseURL: string): Promise<void> {
  await page.context().addCookies([{ name: "appbase_local_user", value: userId, url: baseURL }]);
}

/**
 * A fresh alert on the least healthy asset, as the threshold rules raise it (a unique dedup key per
 * call, so runs never collide); returns the asset id and the alert id.
 */
export async function raiseTestAlert(
  db: pg.Pool,
  label: string,
): Promise<{ assetId: string; alertId: string }> {
  const { rows } = await db.query<{ asset_id: string; site_id: string; asset_type: string }>(
    "select asset_id, site_id, asset_type from operations.assets order by asset_id limit 1",
  );
  const asset = rows[0]!;
  const { rows: alert } = await db.query<{ id: string }>(
    `insert into operations_portal.alert (dedup_key, asset_id, site_id, asset_type, rule_id, rule_description, value, scored_at, priority, due_at)
     values ($1, $2, $3, $4, $5, $6, 12.5, now(), 1, now() + interval '1 hour') returning id`,
    [
      `${asset.asset_id}:e2e:${label}:${Date.now()}`,
      asset.asset_id,
      asset.site_id,
      asset.asset_type,
      `${asset.asset_type}:health`,
      `E2E ${label}: health below 45`,
    ],
  );
  return { assetId: asset.asset_id, alertId: alert[0]!.id };
}
