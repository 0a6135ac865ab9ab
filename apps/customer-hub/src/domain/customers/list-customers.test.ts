import { COUNT_EXACT_UP_TO } from "@appbase/db";
import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { customerTableSpec } from "./customer-table-spec.ts";
import { listCustomers } from "./list-customers.ts";

let db: TestDatabase;
const lead = teamLead();
const params = (query: Record<string, string>) => parseTableParams(query, customerTableSpec);
const ids = (n: number) => `C${String(n).padStart(7, "0")}`;

beforeAll(async () => {
  db = await createTestDatabase();
  // 60 customers over 4 lifetime values and 3 names: every page boundary falls inside a tie.
  await insertTestCustomers(
    db.pool,
    Array.from({ length: 60 }, (_, i) => ({
      customer_id: ids(i + 1),
      full_name: ["Ann Lee", "Bo Chen", "Cy Diaz"][i % 3],
      lifetime_value: [100, 250.5, 250.75, 9000][i % 4],
      segment: i % 2 === 0 ? "vip" : "value",
    })),
  );
});
afterAll(() => db.close());

/** Every page from the first, following next links. */
async function walk(query: Record<string, string>) {
  const pages: string[][] = [];
  let page = await listCustomers(db.pool, lead, params(query), {});
  pages.push(page.rows.map((r) => r.customerId));
  while (page.next) {
    page = await listCustomers(db.pool, lead, params({ ...query, after: page.next }), {});
    pages.push(page.rows.map((r) => r.customerId));
  }
  return { pages, last: page };
}

describe("customer list keyset pages", () => {
  it.each([
    ["lifetime value, highest first (the default)", {}, "lifetime_value desc, customer_id desc"],
    ["name ascending", { sort: "full_name", dir: "asc" }, "full_name asc, customer_id asc"],
    [
      "name descending, VIPs only",
      { sort: "full_name", dir: "desc", segment: "vip" },
      "full_name desc, customer_id desc",
    ],
    ["last update", { sort: "updated_at", dir: "asc" }, "updated_at asc, customer_id asc"],
  ])("%s: each customer once, in a stable order with ties broken by id", async (_, query, order) => {
    const filter = "segment" in query ? "where segment = 'vip'" : "";
    const expected = await db.pool.query<{ customer_id: string }>(
      `select customer_id from customer.customers ${filter} order by ${order}`,
    );
    const { pages } = await walk(query);
    expect(pages.flat()).toEqual(expected.rows.map((r) => r.customer_id));
    expect(pages.slice(0, -1).every((p) => p.length === 25)).toBe(true);
  });

  it("previous links lead back through the same pages to the first, which has no previous page", async () => {
    const { pages, last } = await walk({});
    expect(pages).toHaveLength(3);
    let page = last;
    const back: string[][] = [page.rows.map((r) => r.customerId)];
    while (page.prev) {
      page = await listCustomers(db.pool, lead, params({ before: page.prev }), {});
      back.unshift(page.rows.map((r) => r.customerId));
    }
    expect(back).toEqual(pages);
    expect(page.next).not.toBeNull();
  });

  it("counts exactly while the matches are few", async () => {
    const page = await listCustomers(db.pool, lead, params({ segment: "vip" }), {});
    expect(page).toMatchObject({ total: 30, totalEstimated: false });
  });
});

describe("customer list counts beyond the threshold", () => {
  beforeAll(async () => {
    // Enough customers to pass the exact-count threshold, written in one statement.
    await db.pool.query(
      `insert into customer.customers
       select 'C' || lpad((1000 + g)::text, 7, '0'), 'Bulk Person ' || g, 'bulk' || g || '@example.com', '+1', 's', 'c', 'p', 'US',
              '1980-01-01', 'mass_market', 'north_america', 'active', g % 997, 0.3, 'low', true, true, true, true,
              now() - interval '1 year', now(), null
         from generate_series(1, $1::int) g`,
      [COUNT_EXACT_UP_TO + 500],
    );
    await db.pool.query("analyze customer.customers");
  });

  it("gives the planner's estimate, marked estimated, for a list beyond the threshold", async () => {
    const page = await listCustomers(db.pool, lead, params({}), {});
    expect(page.totalEstimated).toBe(true);
    expect(page.total).toBeGreaterThan(COUNT_EXACT_UP_TO);
    // An analyzed table's estimate is close to its real size.
    expect(Math.abs(page.total - (COUNT_EXACT_UP_TO + 560)) / (COUNT_EXACT_UP_TO + 560)).toBeLessThan(0.1);
    expect(page.rows).toHaveLength(25);
  });

  it("still counts a narrow search exactly", async () => {
    const page = await listCustomers(db.pool, lead, params({ q: "bulk person 1000" }), {});
    expect(page).toMatchObject({ totalEstimated: false });
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.total).toBeLessThan(20);
  });
});
