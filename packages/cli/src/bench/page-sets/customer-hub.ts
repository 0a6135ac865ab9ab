import { unnestInsertSql, unnestParams } from "@appbase/datasets";
import type { DbPool } from "@appbase/db";
import { customers as customersDataset, type Row } from "@appbase/synthetic-data";
import { CliError } from "../../repo.ts";
import type { PageSet } from "../page-ttfb.ts";
import { count } from "./shared.ts";

const LOAD_BATCH = 5_000;

/** Customer Hub: synthetic customers; list, keyset next page, name / email / id search, filter, sort, detail. */
export const CUSTOMER_PAGES: PageSet = {
  async load(db, rows) {
    await loadCustomers(db, rows);
    return `${count(rows)} customers`;
  },
  async pages(get) {
    const body = await get("/api/customers");
    const first = JSON.parse(body) as {
      data?: { rows: Array<{ customerId: string; fullName: { value: string } }>; next: string | null };
    };
    const page = first.data;
    const sample = page?.rows[3];
    if (!page?.next || !sample)
      throw new CliError(`GET /api/customers returned no rows to page through: ${body.slice(0, 300)}`);
    const namePrefix = sample.fullName.value.slice(0, 4).toLowerCase();
    return {
      "list (first page)": "/customers",
      "list (next page, keyset)": `/customers?after=${page.next}`,
      "search by name prefix": `/customers?q=${encodeURIComponent(namePrefix)}`,
      "search by email prefix": `/customers?q=${encodeURIComponent(`${namePrefix}.`)}`,
      "search by id": `/customers?q=${sample.customerId}`,
      "filter segment + region": "/customers?segment=vip&region=emea",
      "sort by name": "/customers?sort=full_name&dir=asc",
      detail: `/customers/${sample.customerId}`,
    };
  },
};

/** Synthetic customers through batched unnest INSERTs, then fresh planner statistics. */
async function loadCustomers(db: DbPool, count: number): Promise<void> {
  const sql = unnestInsertSql(customersDataset.domain, customersDataset.name, customersDataset.columns);
  let batch: Row[] = [];
  for (const row of customersDataset.rows({ seed: 42, scale: count })) {
    batch.push(row);
    if (batch.length === LOAD_BATCH) {
      await db.pool.query(sql, unnestParams(customersDataset.columns, batch));
      batch = [];
    }
  }
  if (batch.length > 0) await db.pool.query(sql, unnestParams(customersDataset.columns, batch));
  await db.pool.query("ANALYZE customer.customers");
}
