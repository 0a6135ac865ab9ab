import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { emptyCustomerListPage, listCustomers } from "../customers/list-customers.ts";
import { readSynced } from "./synced-read.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("readSynced", () => {
  it("returns the fallback, marked missing, when the synced table does not exist", async () => {
    const params = {
      page: 1,
      pageSize: 25,
      offset: 0,
      sort: null,
      dir: "asc" as const,
      q: "",
      filters: {},
      after: null,
      before: null,
      issues: [],
    };
    expect(
      await readSynced(() => listCustomers(db.pool, teamLead(), params, {}), emptyCustomerListPage),
    ).toEqual({
      value: emptyCustomerListPage,
      missing: false,
    });
    await db.pool.query("drop table customer.customers");
    expect(
      await readSynced(() => listCustomers(db.pool, teamLead(), params, {}), emptyCustomerListPage),
    ).toEqual({
      value: emptyCustomerListPage,
      missing: true,
    });
  });

  it("still throws other errors", async () => {
    await expect(readSynced(() => db.pool.query("select 1/0"), null)).rejects.toThrow(/division by zero/);
  });
});
