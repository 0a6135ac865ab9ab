import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { type AlertPage, type AlertView, listAlerts } from "./list-alerts.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // 30 open alerts over four priorities with tied due times, 5 claimed by ana, 4 closed, 2 snoozed.
  await db.pool.query(
    `insert into risk_compliance.alert (dedup_key, entity_id, rule_id, rule_name, severity, priority, score, due_at, created_at)
     select 'k' || i, 'E-' || i, 'R-1', 'Rule', 'high', 1 + i % 4, 0.5,
            case when i % 7 = 0 then null else timestamptz '2026-12-01 00:00Z' + (i % 3) * interval '1 hour' end,
            timestamptz '2026-11-30 00:00Z' + (i % 2) * interval '1 minute'
       from generate_series(1, 41) i`,
  );
  await db.pool.query(
    `update risk_compliance.alert set status = 'claimed', claimed_by = 'ana@example.com'
      where dedup_key in ('k1','k2','k3','k4','k5')`,
  );
  await db.pool.query(
    `update risk_compliance.alert set status = 'dismissed', resolution = 'benign',
            closed_at = timestamptz '2026-12-02 00:00Z' + substr(dedup_key, 2)::int * interval '1 minute'
      where dedup_key in ('k6','k8','k9','k10')`,
  );
  await db.pool.query(
    `update risk_compliance.alert set snoozed_until = now() + interval '1 day', snooze_reason = 'waiting'
      where dedup_key in ('k11','k12')`,
  );
}, 120_000);
afterAll(async () => {
  await db?.close();
});

/** Every alert of a view by its dedup key, walking next links from the first page. */
async function walk(view: AlertView, pageSize: number) {
  const pages: AlertPage[] = [];
  let page = await listAlerts(db.pool, {
    view,
    viewer: "ana@example.com",
    params: { pageSize, after: null, before: null },
  });
  pages.push(page);
  while (page.next) {
    page = await listAlerts(db.pool, {
      view,
      viewer: "ana@example.com",
      params: { pageSize, after: page.next, before: null },
    });
    pages.push(page);
  }
  return pages;
}

const keysInOrder = async (where: string, orderBy: string) =>
  (
    await db.pool.query<{ dedup_key: string }>(
      `select dedup_key from risk_compliance.alert where ${where} order by ${orderBy}`,
    )
  ).rows.map((r) => r.dedup_key);

describe("the alert queue's keyset pages", () => {
  it("walks the open view in claim order (nulls in due time last, ties by creation then id), each alert once", async () => {
    const pages = await walk("open", 4);
    const walked = pages.flatMap((p) => p.rows.map((a) => a.dedupKey));
    const expected = await keysInOrder(
      "status in ('new','claimed') and (snoozed_until is null or snoozed_until <= now())",
      "priority, due_at nulls last, created_at, id",
    );
    expect(expected).toHaveLength(41 - 4 - 2);
    expect(walked).toEqual(expected);
    expect(pages[0]).toMatchObject({ total: 35, estimated: false, prev: null });
    expect(pages.at(-1)?.next).toBeNull();
  });

  it("walks back with prev links to the pages seen going forward", async () => {
    const forward = (await walk("open", 6)).map((p) => p.rows.map((a) => a.id));
    let page = (await walk("open", 6)).at(-1)!;
    const backward = [page.rows.map((a) => a.id)];
    while (page.prev) {
      page = await listAlerts(db.pool, {
        view: "open",
        viewer: "ana@example.com",
        params: { pageSize: 6, after: null, before: page.prev },
      });
      backward.unshift(page.rows.map((a) => a.id));
    }
    expect(backward).toEqual(forward);
  });

  it("lists a claimant's own alerts, the snoozed ones, and closed ones newest closure first", async () => {
    const mine = (await walk("mine", 2)).flatMap((p) => p.rows);
    expect(mine.map((a) => a.dedupKey).sort()).toEqual(["k1", "k2", "k3", "k4", "k5"]);
    expect(mine.every((a) => a.claimedBy === "ana@example.com")).toBe(true);
    const snoozed = (await walk("snoozed", 50)).flatMap((p) => p.rows.map((a) => a.dedupKey));
    expect(snoozed.sort()).toEqual(["k11", "k12"]);
    const closed = await walk("closed", 3);
    expect(closed.flatMap((p) => p.rows.map((a) => a.dedupKey))).toEqual(["k10", "k9", "k8", "k6"]);
    expect(closed[0]?.total).toBe(4);
  });

  it("beyond the exact threshold says the planner's estimate", async () => {
    await db.pool.query(
      `insert into risk_compliance.alert (dedup_key, entity_id, rule_id, rule_name, severity, priority, score, due_at)
       select 'bulk' || i, 'E-' || i, 'R-2', 'Rule', 'low', 4, 0.1, now() + interval '1 day' from generate_series(1, 1200) i`,
    );
    await db.pool.query("analyze risk_compliance.alert");
    const page = await listAlerts(db.pool, {
      view: "open",
      viewer: "ana@example.com",
      params: { pageSize: 50, after: null, before: null },
    });
    expect(page.estimated).toBe(true);
    expect(page.total).toBeGreaterThan(1_000);
    expect(page.rows).toHaveLength(50);
  });

  it("a cursor of another view's order starts that view from its first page", async () => {
    const closedNext = (await walk("closed", 1))[0]?.next;
    const open = await listAlerts(db.pool, {
      view: "open",
      viewer: "ana@example.com",
      params: { pageSize: 3, after: closedNext ?? null, before: null },
    });
    expect(open.prev).toBeNull();
    expect(open.rows.map((a) => a.dedupKey)).toEqual(
      (
        await keysInOrder(
          "status in ('new','claimed') and (snoozed_until is null or snoozed_until <= now())",
          "priority, due_at nulls last, created_at, id",
        )
      ).slice(0, 3),
    );
  });
});
