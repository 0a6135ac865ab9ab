import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realServerUrl } from "../../testing/env.ts";
import { createServerDatabase } from "../../testing/server-database.ts";
import { claimNext } from "./queue.ts";

// PGlite serializes clients, so SKIP LOCKED is only exercised against a real server.
const serverUrl = realServerUrl();
const ITEMS = 1000;
const CLAIMERS = 20;

describe.runIf(serverUrl)("review queue on a real PostgreSQL server", () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string, CLAIMERS + 5);
    await database.pool.query(
      `insert into agent_ops.review_item (thread_id, source, source_key, title)
       select 't' || g, 'policy-flag', 'load:' || g, 'Item ' || g from generate_series(1, $1) g`,
      [ITEMS],
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  async function drain(reviewer: string, leaseSeconds: number): Promise<string[]> {
    const got: string[] = [];
    for (;;) {
      const batch = await claimNext(database.pool, { reviewer, limit: 5, leaseSeconds });
      if (batch.length === 0) return got;
      got.push(...batch.map((b) => b.id));
    }
  }

  it(`${CLAIMERS} concurrent claimers over ${ITEMS} items claim each exactly once`, async () => {
    const started = performance.now();
    const perClaimer = await Promise.all(
      Array.from({ length: CLAIMERS }, (_, i) => drain(`reviewer-${i}@example.com`, 600)),
    );
    const elapsed = performance.now() - started;
    const all = perClaimer.flat();
    expect(all).toHaveLength(ITEMS);
    expect(new Set(all).size).toBe(ITEMS);
    // More than one claimer did work, so the claims really ran concurrently.
    expect(perClaimer.filter((c) => c.length > 0).length).toBeGreaterThan(1);
    const { rows } = await database.pool.query(
      "select count(*)::int as n from agent_ops.review_item where status = 'claimed' and version = 2",
    );
    expect(rows[0].n).toBe(ITEMS);
    console.log(
      `[concurrency] ${CLAIMERS} claimers, ${ITEMS} items, ${Math.round(elapsed)} ms; per claimer min ${Math.min(...perClaimer.map((c) => c.length))} max ${Math.max(...perClaimer.map((c) => c.length))}`,
    );
  });

  it("expired leases return every item, claimed once more by the concurrent claimers", async () => {
    await database.pool.query(
      "update agent_ops.review_item set lease_expires_at = now() - interval '1 second'",
    );
    const perClaimer = await Promise.all(
      Array.from({ length: CLAIMERS }, (_, i) => drain(`second-${i}@example.com`, 600)),
    );
    const all = perClaimer.flat();
    expect(all).toHaveLength(ITEMS);
    expect(new Set(all).size).toBe(ITEMS);
    const { rows } = await database.pool.query(
      "select count(*)::int as n from agent_ops.review_item where claimed_by like 'second-%' and version = 3",
    );
    expect(rows[0].n).toBe(ITEMS);
  });
});
