import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { toolCallTimings } from "./thread-tool-calls.ts";
import { recentToolFailures } from "./tool-failures.ts";
import { latencyHistograms, toolCallStats } from "./tool-stats.ts";
import { toolWindowSchema, windowStart } from "./tool-window.ts";

let database: TestDatabase;
// The kit's recorded calls only (no checkpoint schema); foreign-threads.test.ts covers the checkpoint-read ones.
const RECORDED_ONLY: string[] = [];
const lastWeek = () => windowStart("7d", new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  // lookup_order: 100 calls taking 1..100 ms over the last 100 minutes; the 10 slowest failed.
  await database.pool.query(
    `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, result, error, status, started_at, duration_ms)
     select 'thread-' || (i % 7), 'call-' || i, 'customer-support', 'lookup_order', jsonb_build_object('orderId', 'ORD-' || i),
            case when i > 90 then null else '"ok"'::jsonb end, case when i > 90 then 'timeout after ' || i || ' ms' end,
            case when i > 90 then 'error' else 'ok' end, now() - i * interval '1 minute', i
       from generate_series(1, 100) i`,
  );
  // issue_refund: two calls eight days ago (outside a 7-day window), one recent failure by another agent.
  await database.pool.query(
    `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, result, error, status, started_at, duration_ms) values
      ('old-1', 'r1', 'customer-support', 'issue_refund', '{"amount": 5}', '"refunded"', null, 'ok', now() - interval '8 days', 40),
      ('old-2', 'r2', 'customer-support', 'issue_refund', '{"amount": 6}', '"refunded"', null, 'ok', now() - interval '8 days', 60),
      ('risk-1', 'r3', 'risk-triage', 'issue_refund', '{"amount": 7}', null, 'card declined', 'error', now() - interval '30 seconds', 20)`,
  );
});
afterAll(async () => {
  await database.close();
});

describe("toolCallStats", () => {
  it("counts calls and errors and interpolates p50/p95 per tool, busiest first", async () => {
    const all = await toolCallStats(database.pool, null, RECORDED_ONLY);
    expect(all.map((s) => s.tool)).toEqual(["lookup_order", "issue_refund"]);
    // percentile_cont over 1..100: p50 = 50.5, p95 = 1 + 0.95 * 99.
    expect(all[0]).toMatchObject({ calls: 100, errors: 10, errorRate: 0.1, p50Ms: 50.5, maxMs: 100 });
    expect(all[0]?.p95Ms).toBeCloseTo(95.05, 6);
    expect(all[1]).toMatchObject({
      calls: 3,
      errors: 1,
      p50Ms: 40,
      maxMs: 60,
      agents: ["customer-support", "risk-triage"],
    });
  });

  it("keeps only the calls inside the window", async () => {
    const week = await toolCallStats(database.pool, lastWeek(), RECORDED_ONLY);
    expect(week.find((s) => s.tool === "issue_refund")).toMatchObject({
      calls: 1,
      errors: 1,
      errorRate: 1,
      maxMs: 20,
    });
    const hour = await toolCallStats(database.pool, windowStart("1h", new Date()), RECORDED_ONLY);
    // Calls 1..59 minutes ago (the one at exactly 60 minutes may fall either side of the edge).
    expect(hour.find((s) => s.tool === "lookup_order")?.calls).toBeGreaterThanOrEqual(59);
    expect(hour.find((s) => s.tool === "lookup_order")?.calls).toBeLessThanOrEqual(60);
  });
});

describe("latencyHistograms", () => {
  it("bins every call into equal-width bins from 0 to the slowest call, keeping empty bins", async () => {
    const histograms = await latencyHistograms(database.pool, null, RECORDED_ONLY, 10);
    const lookup = histograms.get("lookup_order") ?? [];
    // Width ceil(101 / 10) = 11 ms; count 1..100 into floor(ms / 11) independently.
    const expected = Array.from({ length: 10 }, (_, b) => ({ start: b * 11, end: (b + 1) * 11, count: 0 }));
    for (let ms = 1; ms <= 100; ms++) (expected[Math.floor(ms / 11)] as { count: number }).count += 1;
    expect(lookup).toEqual(expected);
    const refund = histograms.get("issue_refund") ?? [];
    expect(refund.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    expect(refund.filter((b) => b.count === 0).length).toBeGreaterThan(0);
  });

  it("returns nothing for a window without calls", async () => {
    const future = new Date(Date.now() + 60_000);
    expect((await latencyHistograms(database.pool, future, RECORDED_ONLY)).size).toBe(0);
    expect(await toolCallStats(database.pool, future, RECORDED_ONLY)).toEqual([]);
  });
});

describe("recentToolFailures", () => {
  it("lists failed calls newest first with their arguments and error, limited, with the total", async () => {
    const failures = await recentToolFailures(database.pool, { since: lastWeek(), limit: 3 }, RECORDED_ONLY);
    expect(failures.total).toBe(11);
    expect(failures.rows.map((f) => [f.tool, f.toolCallId, f.error])).toEqual([
      ["issue_refund", "r3", "card declined"],
      ["lookup_order", "call-91", "timeout after 91 ms"],
      ["lookup_order", "call-92", "timeout after 92 ms"],
    ]);
    expect(failures.rows[1]).toMatchObject({
      threadId: "thread-0",
      args: { orderId: "ORD-91" },
      durationMs: 91,
    });
    const refunds = await recentToolFailures(
      database.pool,
      { since: null, tool: "issue_refund" },
      RECORDED_ONLY,
    );
    expect(refunds).toMatchObject({ total: 1, rows: [{ agent: "risk-triage", threadId: "risk-1" }] });
  });
});

describe("toolCallTimings", () => {
  it("maps a thread's recorded calls by tool call id", async () => {
    const timings = await toolCallTimings(database.pool, "risk-1");
    expect([...timings.keys()]).toEqual(["r3"]);
    expect(timings.get("r3")?.durationMs).toBe(20);
  });
});

describe("tool windows", () => {
  it("accepts the offered windows and falls back to 7 days for anything else", () => {
    expect(toolWindowSchema.parse("24h")).toBe("24h");
    expect(toolWindowSchema.parse("2y")).toBe("7d");
    expect(toolWindowSchema.parse(undefined)).toBe("7d");
    expect(windowStart("all", new Date())).toBeNull();
    expect(windowStart("24h", new Date("2026-01-02T00:00:00Z"))?.toISOString()).toBe(
      "2026-01-01T00:00:00.000Z",
    );
  });
});
