import { createServerDatabase, realServerUrl, type ServerDatabase } from "@appbase/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTicketTable, tickets } from "./testing/sample-queue.ts";

// PGlite serializes its clients, so SKIP LOCKED is only exercised against a real server
// (APPBASE_PG_SERVER_URL, which `pnpm test:all` sets); without one this file is skipped.
const serverUrl = realServerUrl();
const ITEMS = 1000;
const CLAIMERS = 20;

describe.runIf(serverUrl)("claims on a real PostgreSQL server", () => {
  let database: ServerDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createServerDatabase(serverUrl as string, { migrations: [] });
    pool = new pg.Pool({ connectionString: database.url, max: CLAIMERS + 5 });
    await createTicketTable(pool);
    await pool.query(
      `insert into queue_test.ticket (title, dedup_key, due_at)
       select 'Item ' || g, 'load:' || g, now() + (g || ' minutes')::interval from generate_series(1, $1) g`,
      [ITEMS],
    );
  });
  afterAll(async () => {
    await pool?.end();
    await database?.close();
  });

  async function drain(claimant: string): Promise<string[]> {
    const got: string[] = [];
    for (;;) {
      const batch = await tickets.claimNext(pool, { claimant, limit: 5, leaseSeconds: 600 });
      if (batch.length === 0) return got;
      got.push(...batch.map((b) => b.id));
    }
  }

  it(`${CLAIMERS} concurrent claimers over ${ITEMS} items claim each exactly once`, async () => {
    const perClaimer = await Promise.all(Array.from({ length: CLAIMERS }, (_, i) => drain(`claimer-${i}`)));
    const all = perClaimer.flat();
    expect(all).toHaveLength(ITEMS);
    expect(new Set(all).size).toBe(ITEMS);
    // More than one claimer got work, so the claims really overlapped.
    expect(perClaimer.filter((c) => c.length > 0).length).toBeGreaterThan(1);
    const { rows } = await pool.query(
      "select count(*)::int as n from queue_test.ticket where status = 'claimed' and version = 2",
    );
    expect(rows[0].n).toBe(ITEMS);
  });

  it("20 people claiming the same item by name: exactly one gets it", async () => {
    const [{ id }] = (
      await pool.query("insert into queue_test.ticket (title, dedup_key) values ('hot', 'hot') returning id")
    ).rows;
    const outcomes = await Promise.allSettled(
      Array.from({ length: CLAIMERS }, (_, i) => tickets.claim(pool, { id, claimant: `p-${i}` })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(
      outcomes
        .filter((o) => o.status === "rejected")
        .every((o) => /has claimed this item/.test(String((o as PromiseRejectedResult).reason))),
    ).toBe(true);
  });
});
