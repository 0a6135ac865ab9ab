import { encodeCursor } from "@appbase/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, insertScore } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { reconcileAssetHealth } from "./asset-health.ts";
import { ASSET_SORTS, type AssetFilter, type AssetSort, listAssets } from "./assets.ts";

// 1,200 assets (more than the list counts exactly) over 6 sites; health repeats every 7 assets and
// anomaly every 5, so pages end inside runs of equal scores; every 50th asset has no score yet.
const ASSETS = 1_200;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(
    db.pool,
    ["S0001", "S0002", "S0003", "S0004", "S0005", "S0006"].map((siteId) => ({
      assetId: `X${siteId}`,
      siteId,
    })),
  );
  await db.pool.query("delete from operations.assets");
  await db.pool.query(
    `insert into operations.assets
     select 'AS' || lpad(i::text, 6, '0'), 'S000' || (1 + i % 6), (array['pump','motor'])[1 + (i / 12) % 2],
            'TAG-' || (i % 400), 'ACME', 'X' || (i % 3), date '2020-01-01', (array['high','medium','low'])[1 + (i / 6) % 3],
            'operational'
       from generate_series(1, ${ASSETS}) i`,
  );
  // Two scores each: the older one would sort otherwise (it is 100 - the latest health).
  await db.pool.query(
    `insert into operations.asset_scores
     select 'AS' || lpad(i::text, 6, '0'), at, h, an, 'test-1'
       from generate_series(1, ${ASSETS}) i,
            lateral (values (timestamptz '2026-11-01', 100 - (i % 7) * 10.0, 0.9 - (i % 5) / 10.0),
                            (timestamptz '2026-11-02', (i % 7) * 10.0, (i % 5) / 10.0)) s(at, h, an)
      where i % 50 <> 0`,
  );
});
afterAll(() => db.close());

type Reference = {
  asset_id: string;
  tag: string;
  site_id: string;
  health: number | null;
  anomaly: number | null;
};

/** Every asset matching `where`, with its latest scores read straight from the score history. */
async function reference(where = "true", values: unknown[] = []): Promise<Reference[]> {
  const { rows } = await db.pool.query<Reference>(
    `select a.asset_id, a.tag, a.site_id, s.health_score as health, s.anomaly_score as anomaly
       from operations.assets a
       left join lateral (select * from operations.asset_scores s where s.asset_id = a.asset_id
                           order by scored_at desc limit 1) s on true
      where ${where}`,
    values,
  );
  return rows;
}

/** The list's order: the sort value (scores unscored last), then the asset id, both in the sort's direction. */
function sorted(rows: Reference[], sort: AssetSort, dir: "asc" | "desc"): string[] {
  const sign = dir === "asc" ? 1 : -1;
  const value = (r: Reference) =>
    sort === "health"
      ? (r.health ?? sign * Number.POSITIVE_INFINITY)
      : sort === "anomaly"
        ? (r.anomaly ?? sign * Number.POSITIVE_INFINITY)
        : sort === "tag"
          ? r.tag
          : r.asset_id;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort((a, b) => sign * (compare(value(a), value(b)) || compare(a.asset_id, b.asset_id)))
    .map((r) => r.asset_id);
}

/** Walks the list forwards by `next`, then back from the last page by `prev`. */
async function walk(filter: AssetFilter): Promise<{ forwards: string[]; backwards: string[] }> {
  const forwards: string[][] = [];
  let page = await listAssets(db.pool, filter);
  forwards.push(page.rows.map((r) => r.assetId));
  expect(page.prev).toBeNull();
  while (page.next) {
    page = await listAssets(db.pool, { ...filter, after: page.next });
    forwards.push(page.rows.map((r) => r.assetId));
  }
  const backwards: string[][] = [page.rows.map((r) => r.assetId)];
  while (page.prev) {
    page = await listAssets(db.pool, { ...filter, before: page.prev });
    backwards.unshift(page.rows.map((r) => r.assetId));
  }
  return { forwards: forwards.flat(), backwards: backwards.flat() };
}

describe("asset list pages", () => {
  for (const sort of ASSET_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`by ${sort} ${dir}: keyset pages hold every asset once, in order, across ties, both ways`, async () => {
        const expected = sorted(await reference(), sort, dir);
        const { forwards, backwards } = await walk({ sort, dir, limit: 100 });
        expect(forwards).toEqual(expected);
        expect(backwards).toEqual(expected);
      });
    }
  }

  it("the latest health first by default, unscored assets last, each with its latest scores", async () => {
    const page = await listAssets(db.pool, { limit: 200 });
    expect(page.rows[0]).toMatchObject({ healthScore: 0, scoredAt: new Date("2026-11-02T00:00:00Z") });
    const last = await walk({ limit: 200 });
    const unscored = last.forwards.slice(-ASSETS / 50);
    expect(unscored.every((id) => Number(id.slice(2)) % 50 === 0)).toBe(true);
  });

  it("filters by site, class, criticality and search, paging within the filter", async () => {
    const expected = sorted(
      await reference("a.site_id = $1 and a.asset_type = $2 and a.criticality = $3", [
        "S0002",
        "motor",
        "high",
      ]),
      "health",
      "asc",
    );
    expect(expected.length).toBeGreaterThan(20);
    const { forwards } = await walk({ siteId: "S0002", assetType: "motor", criticality: "high", limit: 25 });
    expect(forwards).toEqual(expected);
    const tagged = sorted(await reference("a.tag = 'TAG-7'"), "tag", "asc");
    expect(
      (await walk({ q: "tag-7", sort: "tag", limit: 25 })).forwards.filter((id) => tagged.includes(id)),
    ).toEqual(tagged);
  });

  it("counts exactly up to 1,000 and says about N beyond", async () => {
    const all = await listAssets(db.pool, { limit: 25 });
    expect(all.estimated).toBe(true);
    expect(all.total).toBeGreaterThan(1_000);
    const one = await listAssets(db.pool, { siteId: "S0003", limit: 25 });
    expect(one).toMatchObject({ estimated: false, total: ASSETS / 6 });
  });

  it("a cursor written for another sort, or not by the list, opens the first page", async () => {
    const first = await listAssets(db.pool, { limit: 10 });
    const byTag = await listAssets(db.pool, { sort: "tag", limit: 10 });
    for (const after of [byTag.next, encodeCursor({ values: ["1e999"], key: "AS000001" }), "garbage", "\0"]) {
      const page = await listAssets(db.pool, { limit: 10, after });
      expect(page.rows.map((r) => r.assetId)).toEqual(first.rows.map((r) => r.assetId));
    }
  });
});

describe("the latest score beside each asset", () => {
  it("a newer synced score reaches the next list read; an older one changes nothing", async () => {
    await insertScore(db.pool, "AS000003", "2026-11-03T00:00:00Z", -5, 0.99);
    await insertScore(db.pool, "AS000004", "2026-10-01T00:00:00Z", -9, 0.99);
    // Concurrent readers each find the table behind; one folds the score in, the others then find it done.
    const pages = await Promise.all([1, 2, 3, 4].map(() => listAssets(db.pool, { limit: 1 })));
    for (const page of pages) expect(page.rows[0]).toMatchObject({ assetId: "AS000003", healthScore: -5 });
    const four = await walk({ siteId: "S0005", limit: 200 });
    const ref = await reference("a.site_id = 'S0005'");
    expect(four.forwards).toEqual(sorted(ref, "health", "asc"));
  });

  it("the periodic pass adds assets synced since, drops removed ones and, at startup, rereads every score", async () => {
    await insertAssets(db.pool, [{ assetId: "AS999999", siteId: "S0001" }]);
    await db.pool.query("delete from operations.assets where asset_id = 'AS000010'");
    expect(await reconcileAssetHealth(db.pool)).toEqual({ added: 1, removed: 1, rescored: 0 });
    const ids = (await walk({ siteId: "S0001", limit: 200 })).forwards;
    expect(ids.at(-1)).toBe("AS999999");
    // A re-sync that replaced AS000011's latest score by its older one: only the rebuild can see it.
    await db.pool.query(
      "delete from operations.asset_scores where asset_id = 'AS000011' and scored_at = '2026-11-02'",
    );
    expect((await reconcileAssetHealth(db.pool)).added).toBe(0);
    expect(await reconcileAssetHealth(db.pool, { rebuild: true })).toMatchObject({ added: 1 });
    // A score synced late at the time of the newest kept one (AS000003's): no list read sees it behind,
    // the periodic pass folds it in.
    await insertScore(db.pool, "AS000012", "2026-11-03T00:00:00Z", -1, 0.5);
    expect((await listAssets(db.pool, { limit: 2 })).rows.map((r) => r.assetId)).toEqual([
      "AS000003",
      "AS000007",
    ]);
    expect(await reconcileAssetHealth(db.pool)).toEqual({ added: 0, removed: 0, rescored: 1 });
    expect((await listAssets(db.pool, { limit: 2 })).rows.map((r) => [r.assetId, r.healthScore])).toEqual([
      ["AS000003", -5],
      ["AS000012", -1],
    ]);
    const page = await listAssets(db.pool, { siteId: "S0006", q: "AS000011" });
    expect(page.rows[0]).toMatchObject({ healthScore: 60, scoredAt: new Date("2026-11-01T00:00:00Z") });
  });
});
