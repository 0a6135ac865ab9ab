import { describe, expect, it } from "vitest";
import { getDataset } from "./registry.ts";
import { collect } from "./test-support.ts";

const share = (values: unknown[], predicate: (v: unknown) => boolean) =>
  values.filter(predicate).length / values.length;
const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

describe("realistic distributions (default-scale customers, seed 3)", () => {
  const customers = collect(getDataset("customer.customers"), { seed: 3, scale: 10_000 });

  it("has a segment mix led by mass market with a small VIP tier", () => {
    const segments = customers.map((c) => c.segment);
    expect(share(segments, (s) => s === "mass_market")).toBeGreaterThan(0.4);
    expect(share(segments, (s) => s === "vip")).toBeLessThan(0.08);
    expect(new Set(segments).size).toBe(5);
  });

  it("has consent rates per purpose ordered analytics > marketing > personalization > profiling", () => {
    const rate = (key: string) => share(customers, (c) => (c as Record<string, unknown>)[key] === true);
    const [analytics, marketing, personalization, profiling] = [
      rate("consent_analytics"),
      rate("consent_marketing"),
      rate("consent_personalization"),
      rate("consent_profiling"),
    ];
    expect(analytics).toBeGreaterThan(marketing);
    expect(marketing).toBeGreaterThan(personalization);
    expect(personalization).toBeGreaterThan(profiling);
    expect(profiling).toBeGreaterThan(0.1);
  });

  it("has a right-skewed (log-normal) lifetime value", () => {
    const values = customers.map((c) => c.lifetime_value as number).sort((a, b) => a - b);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(quantile(values, 0.5) * 1.5);
    expect(quantile(values, 0.99)).toBeGreaterThan(quantile(values, 0.5) * 10);
  });

  it("bands churn risk consistently with the score", () => {
    for (const c of customers) {
      const score = c.churn_risk_score as number;
      const band = score >= 0.7 ? "high" : score >= 0.35 ? "medium" : "low";
      expect(c.churn_risk_band).toBe(band);
    }
    expect(share(customers, (c) => (c as Record<string, unknown>).churn_risk_band === "high")).toBeLessThan(
      0.25,
    );
  });

  it("keeps most customers active, with churned and dormant ones skewed to high churn risk", () => {
    const statuses = customers.map((c) => c.status);
    expect(share(statuses, (s) => s === "active")).toBeGreaterThan(0.75);
    expect(share(statuses, (s) => s === "churned")).toBeGreaterThan(0.02);
    const meanRisk = (rows: typeof customers) =>
      rows.reduce((sum, c) => sum + (c.churn_risk_score as number), 0) / rows.length;
    expect(meanRisk(customers.filter((c) => c.status === "churned"))).toBeGreaterThan(
      meanRisk(customers.filter((c) => c.status === "active")),
    );
  });

  it("gives risk scores a tail of high and critical entities for the alert queue", () => {
    const bands = collect(getDataset("risk.risk_scores"), { seed: 3, scale: 10_000 }).map((s) => s.band);
    const elevated = share(bands, (b) => b === "high" || b === "critical");
    expect(elevated).toBeGreaterThan(0.02);
    expect(elevated).toBeLessThan(0.15);
    expect(bands).toContain("critical");
  });

  it("gives tool-call latency a heavy tail", () => {
    const latencies = collect(getDataset("agents.tool_calls"), { seed: 3, scale: 10_000 })
      .filter((c) => c.latency_ms !== null)
      .map((c) => c.latency_ms as number)
      .sort((a, b) => a - b);
    expect(quantile(latencies, 0.5)).toBeLessThan(400);
    expect(quantile(latencies, 0.99)).toBeGreaterThan(quantile(latencies, 0.5) * 10);
  });

  it("writes policies of several paragraphs, 200 at the default scale", () => {
    const policies = collect(getDataset("risk.policies"), { seed: 3, scale: "default" });
    expect(policies).toHaveLength(200);
    expect(new Set(policies.map((p) => p.title)).size).toBe(200);
    for (const p of policies) expect((p.body as string).split("\n\n").length).toBeGreaterThanOrEqual(4);
  });

  it("gives each customer feature its own computed_at, with some stale", () => {
    const features = collect(getDataset("customer.customer_features"), { seed: 3, scale: 2_000 });
    const perCustomer = new Set(
      features.filter((f) => f.customer_id === "C0000001").map((f) => f.computed_at),
    );
    expect(perCustomer.size).toBeGreaterThan(1);
    const epoch = Date.parse("2026-01-01T00:00:00Z");
    const stale = share(
      features,
      (f) => epoch - Date.parse((f as Record<string, string>).computed_at!) > 3 * 86_400_000,
    );
    expect(stale).toBeGreaterThan(0.005);
    expect(stale).toBeLessThan(0.2);
  });
});
