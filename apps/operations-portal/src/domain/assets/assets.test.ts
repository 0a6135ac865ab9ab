import { randomUUID } from "node:crypto";
import { NotFoundError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, insertScore, people } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { evaluateLatestScores } from "../alerts/evaluate.ts";
import { createWorkOrder } from "../work-orders/create-work-order.ts";
import { assetFacets, getAsset, listAssets, scoreTrend, siteOptions } from "./assets.ts";
import { siteOverview } from "./site-overview.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "AS000001", siteId: "S0001", assetType: "pump", criticality: "high" },
    { assetId: "AS000002", siteId: "S0001", assetType: "transformer", criticality: "low" },
    { assetId: "AS000003", siteId: "S0002", assetType: "pump", criticality: "medium" },
  ]);
  // Pump 1 slides to 40 (below the pump's 45); the transformer's 52 is below its stricter 55;
  // pump 3 is healthy but its latest anomaly (0.95) is above 0.9.
  await insertScore(db.pool, "AS000001", "2026-11-01T00:00:00Z", 70, 0.1);
  await insertScore(db.pool, "AS000001", "2026-11-01T06:00:00Z", 40, 0.2);
  await insertScore(db.pool, "AS000002", "2026-11-01T06:00:00Z", 52, 0.1);
  await insertScore(db.pool, "AS000003", "2026-11-01T00:00:00Z", 30, 0.1);
  await insertScore(db.pool, "AS000003", "2026-11-01T06:00:00Z", 88, 0.95);
  await createWorkOrder(db.pool, {
    assetId: "AS000003",
    title: "Overdue",
    kind: "reactive",
    priority: "urgent",
    requestId: randomUUID(),
    actor: people.planner.email,
    at: new Date("2026-10-01T00:00:00Z"),
  });
});
afterAll(() => db.close());

describe("assets", () => {
  it("lists by site, class, criticality and search, worst latest health first", async () => {
    expect((await listAssets(db.pool, {})).rows.map((a) => [a.assetId, a.healthScore])).toEqual([
      ["AS000001", 40],
      ["AS000002", 52],
      ["AS000003", 88],
    ]);
    expect(
      (await listAssets(db.pool, { siteId: "S0001", assetType: "pump" })).rows.map((a) => a.assetId),
    ).toEqual(["AS000001"]);
    expect((await listAssets(db.pool, { criticality: "medium" })).total).toBe(1);
    expect((await listAssets(db.pool, { q: "tag-as000002" })).rows.map((a) => a.assetId)).toEqual([
      "AS000002",
    ]);
    expect((await listAssets(db.pool, { q: "100%_" })).total).toBe(0);
    const first = await listAssets(db.pool, { limit: 1 });
    expect((await listAssets(db.pool, { limit: 1, after: first.next })).rows.map((a) => a.assetId)).toEqual([
      "AS000002",
    ]);
    expect((await listAssets(db.pool, { limit: 1 })).total).toBe(3);
  });

  it("offers each asset class once and the sites by name as filter choices", async () => {
    const facets = await assetFacets(db.pool);
    expect(facets.assetTypes).toEqual(["pump", "transformer"]);
    expect(facets.sites).toEqual(await siteOptions(db.pool));
    expect(facets.sites.map((s) => s.id)).toEqual(expect.arrayContaining(["S0001", "S0002"]));
  });

  it("an asset page has its trend oldest first and its open work", async () => {
    expect((await scoreTrend(db.pool, "AS000001")).map((p) => p.healthScore)).toEqual([70, 40]);
    expect(await getAsset(db.pool, "AS000003")).toMatchObject({ openWorkOrders: 1, siteName: "Site S0002" });
    await expect(getAsset(db.pool, "AS999999")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the site overview puts the site with breached work first", async () => {
    const sites = await siteOverview(db.pool, new Date("2026-11-02T00:00:00Z"));
    expect(sites.map((s) => [s.siteId, s.breachedWorkOrders, s.unhealthy])).toEqual([
      ["S0002", 1, 0],
      ["S0001", 0, 1],
    ]);
  });
});

describe("threshold rules", () => {
  it("raise one alert per asset and rule on the latest score, with per-class thresholds", async () => {
    const alerts = await evaluateLatestScores(db.pool);
    expect(alerts.map((a) => [a.dedupKey, a.value, a.priority])).toEqual([
      ["AS000001:pump:health", 40, 1],
      ["AS000002:transformer:health", 52, 3],
      ["AS000003:pump:anomaly", 0.95, 2],
    ]);
  });
});
