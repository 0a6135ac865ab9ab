import type { KeysetOrder, KeysetPosition, ListCount, Queryable } from "@appbase/db";
import { countRows, escapeLike, keysetPage, keysetPosition, keysetQuery, sqlParameters } from "@appbase/db";
import { NotFoundError } from "@appbase/next-kit/errors";
import type pg from "pg";
import { LATEST_SCORE, refreshAssetHealth } from "./asset-health.ts";

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
  /** Keyset cursor tokens of the page to show (from a previous page's next / prev); none: the first page. */
  after?: string | null | undefined;
  before?: string | null | undefined;
}

/** One keyset page of assets, with the count (exact up to COUNT_EXACT_UP_TO, then about N). */
export interface AssetPage extends ListCount {
  rows: AssetSummary[];
  /** Cursor tokens of the next and previous pages (null: none). */
  next: string | null;
  prev: string | null;
}

// A score sort walks one of migration 0004's asset_health indexes; unscored assets sort last either way.
const scoreOrder = (column: string, dir: "asc" | "desc"): KeysetOrder => ({
  sort: `coalesce(h.${column}, '${dir === "asc" ? "" : "-"}Infinity'::float8)`,
  sortType: "double precision",
  key: "h.asset_id",
  dir,
});

/** Sortable keys and their keyset order (the asset id breaks ties). */
const SORTS = {
  health: (dir) => scoreOrder("health_score", dir),
  tag: (dir) => ({ sort: "a.tag", sortType: "text", key: "a.asset_id", dir }),
  anomaly: (dir) => scoreOrder("anomaly_score", dir),
  asset_id: (dir) => ({ sort: "a.asset_id", sortType: "text", key: "a.asset_id", dir }),
} as const satisfies Record<string, (dir: "asc" | "desc") => KeysetOrder>;
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

const SUMMARY_COLUMNS = `
  a.asset_id, a.tag, a.site_id, st.name as site_name, a.asset_type, a.manufacturer, a.model,
  a.install_date::text as install_date, a.criticality, a.status,
  s.health_score, s.anomaly_score, s.scored_at,
  (select count(*)::int from operations_portal.work_order w
    where w.asset_id = a.asset_id and w.status in ('open','in_progress','on_hold')) as open_work_orders`;

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

/**
 * Assets by site, class, criticality and search (worst latest health first by default), one keyset page
 * at a time. The latest scores come from asset_health, brought up to the synced scores first.
 */
export async function listAssets(db: pg.Pool, filter: AssetFilter): Promise<AssetPage> {
  await refreshAssetHealth(db);
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
  const countValues = [...values];
  const order: KeysetOrder = SORTS[filter.sort ?? "health"](filter.dir === "desc" ? "desc" : "asc");
  const pageSize = Math.min(filter.limit ?? 50, 200);
  const position = numericCursor(keysetPosition(filter, order), order);
  const page = keysetQuery(order, position, pageSize, bind);
  const from = "from operations.assets a join operations_portal.asset_health h on h.asset_id = a.asset_id";
  const clause = (w: string[]) => (w.length ? `where ${w.join(" and ")}` : "");
  const [result, count] = await Promise.all([
    db.query<AssetRecord & { keyset_value: string; keyset_key: string }>(
      `select ${SUMMARY_COLUMNS}, ${page.select}
         ${from} left join operations.sites st on st.site_id = a.site_id
         cross join lateral (select h.health_score, h.anomaly_score, h.scored_at) s
         ${clause(page.where ? [...where, page.where] : where)}
        order by ${page.orderBy}
        limit ${page.limit}`,
      values,
    ),
    countRows(db, `${from} ${clause(where)}`, countValues),
  ]);
  const rows = keysetPage(result.rows, position, pageSize);
  return { ...count, rows: rows.rows.map(toSummary), next: rows.next, prev: rows.prev };
}

const FLOAT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A score sort's cursor whose value is no number Postgres reads (written for another sort) asks for page one. */
function numericCursor(position: KeysetPosition, order: KeysetOrder): KeysetPosition {
  if (order.sortType !== "double precision") return position;
  const value = ("after" in position ? position.after : "before" in position ? position.before : null)
    ?.values[0];
  if (value === undefined || /^-?Infinity$/.test(value)) return position;
  return FLOAT.test(value) && Number.isFinite(Number(value)) ? position : {};
}

/** One asset with its latest score (one probe of the score history); NotFoundError names the id. */
export async function getAsset(db: Queryable, assetId: string): Promise<AssetSummary> {
  const { rows } = await db.query<AssetRecord>(
    `select ${SUMMARY_COLUMNS}
       from operations.assets a
       left join operations.sites st on st.site_id = a.site_id
       ${LATEST_SCORE}
      where a.asset_id = $1`,
    [assetId],
  );
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
