import type { Queryable } from "@appbase/db";
import { escapeLike, sqlParameters } from "@appbase/db";
import { NotFoundError } from "@appbase/next-kit/errors";

export const CRITICALITIES = ["high", "medium", "low"] as const;

export interface AssetFilter {
  siteId?: string | undefined;
  assetType?: string | undefined;
  criticality?: (typeof CRITICALITIES)[number] | undefined;
  /** Matches tag, asset id, manufacturer or model. */
  q?: string | undefined;
  sort?: AssetSort | undefined;
  dir?: "asc" | "desc" | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Sortable keys and their SQL. */
const SORTS = {
  health: "s.health_score",
  tag: "a.tag",
  anomaly: "s.anomaly_score",
  asset_id: "a.asset_id",
} as const;
export type AssetSort = keyof typeof SORTS;
export const ASSET_SORTS = Object.keys(SORTS) as AssetSort[];

/** An asset with its latest scores and open work. */
export interface AssetSummary {
  assetId: string;
  tag: string;
  siteId: string;
  siteName: string | null;
  assetType: string;
  manufacturer: string;
  model: string;
  installDate: string;
  criticality: string;
  status: string;
  healthScore: number | null;
  anomalyScore: number | null;
  scoredAt: Date | null;
  openWorkOrders: number;
}

type AssetRecord = {
  asset_id: string;
  tag: string;
  site_id: string;
  site_name: string | null;
  asset_type: string;
  manufacturer: string;
  model: string;
  install_date: string;
  criticality: string;
  status: string;
  health_score: number | null;
  anomaly_score: number | null;
  scored_at: Date | null;
  open_work_orders: number;
};

const SUMMARY_SELECT = `
  select a.asset_id, a.tag, a.site_id, st.name as site_name, a.asset_type, a.manufacturer, a.model,
         a.install_date::text as install_date, a.criticality, a.status,
         s.health_score, s.anomaly_score, s.scored_at,
         (select count(*)::int from operations_portal.work_order w
           where w.asset_id = a.asset_id and w.status in ('open','in_progress','on_hold')) as open_work_orders
    from operations.assets a
    left join operations.sites st on st.site_id = a.site_id
    left join lateral (select health_score, anomaly_score, scored_at from operations.asset_scores s
                        where s.asset_id = a.asset_id order by scored_at desc limit 1) s on true`;

function toSummary(r: AssetRecord): AssetSummary {
  return {
    assetId: r.asset_id,
    tag: r.tag,
    siteId: r.site_id,
    siteName: r.site_name,
    assetType: r.asset_type,
    manufacturer: r.manufacturer,
    model: r.model,
    installDate: r.install_date,
    criticality: r.criticality,
    status: r.status,
    healthScore: r.health_score,
    anomalyScore: r.anomaly_score,
    scoredAt: r.scored_at,
    openWorkOrders: r.open_work_orders,
  };
}

/** Assets by site, class, criticality and search (worst health first by default); with the total for paging. */
export async function listAssets(
  db: Queryable,
  filter: AssetFilter,
): Promise<{ rows: AssetSummary[]; total: number }> {
  const { values, bind } = sqlParameters();
  const where: string[] = [];
  if (filter.siteId) where.push(`a.site_id = ${bind(filter.siteId)}`);
  if (filter.assetType) where.push(`a.asset_type = ${bind(filter.assetType)}`);
  if (filter.criticality) where.push(`a.criticality = ${bind(filter.criticality)}`);
  if (filter.q) {
    const p = bind(`%${escapeLike(filter.q)}%`);
    where.push(
      `(a.tag ilike ${p} or a.asset_id ilike ${p} or a.manufacturer ilike ${p} or a.model ilike ${p})`,
    );
  }
  const { rows } = await db.query<AssetRecord & { total: number }>(
    `${SUMMARY_SELECT} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by ${SORTS[filter.sort ?? "health"]} ${filter.dir === "desc" ? "desc" : "asc"} nulls last, a.asset_id
     limit ${bind(Math.min(filter.limit ?? 50, 200))} offset ${bind(filter.offset ?? 0)}`,
    values,
  );
  const { rows: count } = await db.query<{ n: number }>(
    `select count(*)::int as n from operations.assets a ${where.length ? `where ${where.join(" and ")}` : ""}`,
    values.slice(0, values.length - 2),
  );
  return { rows: rows.map(toSummary), total: count[0]?.n ?? 0 };
}

/** One asset; NotFoundError names the id. */
export async function getAsset(db: Queryable, assetId: string): Promise<AssetSummary> {
  const { rows } = await db.query<AssetRecord>(`${SUMMARY_SELECT} where a.asset_id = $1`, [assetId]);
  if (!rows[0]) throw new NotFoundError(`No asset ${assetId}; pick one from the asset list.`);
  return toSummary(rows[0]);
}

/** An asset's score history, oldest first (for the trend chart). */
export async function scoreTrend(
  db: Queryable,
  assetId: string,
): Promise<{ scoredAt: Date; healthScore: number; anomalyScore: number }[]> {
  const { rows } = await db.query<{ scored_at: Date; health_score: number; anomaly_score: number }>(
    `select scored_at, health_score, anomaly_score from operations.asset_scores
      where asset_id = $1 order by scored_at desc limit 200`,
    [assetId],
  );
  return rows
    .reverse()
    .map((r) => ({ scoredAt: r.scored_at, healthScore: r.health_score, anomalyScore: r.anomaly_score }));
}

/** The sites, by name (the site filter of the asset and work-order lists). */
export async function siteOptions(db: Queryable): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ site_id: string; name: string }>(
    "select site_id, name from operations.sites order by name",
  );
  return rows.map((s) => ({ id: s.site_id, name: s.name }));
}

/** The filter choices the data holds: sites and asset classes. */
export async function assetFacets(
  db: Queryable,
): Promise<{ sites: { id: string; name: string }[]; assetTypes: string[] }> {
  // The classes by a skip scan of assets_type_idx (one probe per class), not a DISTINCT over every asset.
  const [sites, types] = await Promise.all([
    siteOptions(db),
    db.query<{ asset_type: string }>(
      `with recursive classes as (
         select min(asset_type) as asset_type from operations.assets
         union all
         select (select min(asset_type) from operations.assets a where a.asset_type > c.asset_type)
           from classes c where c.asset_type is not null)
       select asset_type from classes where asset_type is not null order by 1`,
    ),
  ]);
  return { sites, assetTypes: types.rows.map((t) => t.asset_type) };
}
