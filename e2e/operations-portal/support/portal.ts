import type pg from "pg";
import { kitDatabase } from "../../shared/kit-database.ts";

export { actAs } from "../../shared/kit-database.ts";

/** The database the running portal uses (see kitDatabase); local servers only: the specs arrange data. */
export const portalDatabase = (): pg.Pool => kitDatabase("operations-portal");

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
