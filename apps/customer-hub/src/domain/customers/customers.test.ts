import type { ResolvedColumnRule } from "@appbase/grants";
import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { customerTableSpec } from "./customer-table-spec.ts";
import { getCustomer } from "./get-customer.ts";
import { listCustomers } from "./list-customers.ts";

let db: TestDatabase;
const masked: Record<string, ResolvedColumnRule> = {
  email: { mask: "email", unmasked: false },
  phone: { mask: "phone", unmasked: false },
  street_address: { mask: "redact", unmasked: false },
  birth_date: { mask: "year", unmasked: false },
};
const unmasked = Object.fromEntries(Object.entries(masked).map(([k, r]) => [k, { ...r, unmasked: true }]));
const lead = teamLead();
const params = (query: Record<string, string>) => parseTableParams(query, customerTableSpec);

beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    {
      customer_id: "C0000001",
      full_name: "Ada Lovelace",
      email: "ada.lovelace1@example.com",
      segment: "vip",
      lifetime_value: 9000,
    },
    {
      customer_id: "C0000002",
      full_name: "Alan Turing",
      segment: "premium",
      region: "north_america",
      lifetime_value: 3000,
    },
    {
      customer_id: "C0000003",
      full_name: "Grace Hopper",
      churn_risk_band: "high",
      churn_risk_score: 0.9,
      consent_profiling: false,
    },
  ]);
  await db.pool.query(
    `insert into customer.customer_features values
       ('C0000003','orders_90d',4, now() - interval '1 hour'), ('C0000003','propensity_upsell',0.4, now() - interval '10 days')`,
  );
  await db.pool.query(
    "insert into customer.interactions values ('I1','C0000003','email','support', now() - interval '2 days','Asked about billing',0.1)",
  );
});
afterAll(() => db.close());

describe("listCustomers", () => {
  it("searches by id, name prefix, and email prefix only for viewers who may see emails", async () => {
    expect(
      (await listCustomers(db.pool, lead, params({ q: "c0000002" }), masked)).rows.map((r) => r.customerId),
    ).toEqual(["C0000002"]);
    expect(
      (await listCustomers(db.pool, lead, params({ q: "grace h" }), masked)).rows.map((r) => r.customerId),
    ).toEqual(["C0000003"]);
    expect((await listCustomers(db.pool, lead, params({ q: "ada.lovelace1@" }), unmasked)).total).toBe(1);
    expect((await listCustomers(db.pool, lead, params({ q: "ada.lovelace1@" }), masked)).total).toBe(0);
    // LIKE wildcards in the query are literal characters, not patterns.
    expect((await listCustomers(db.pool, lead, params({ q: "%" }), unmasked)).total).toBe(0);
  });

  it("filters, sorts and pages on the server", async () => {
    const page = await listCustomers(
      db.pool,
      lead,
      params({ sort: "lifetime_value", dir: "asc", size: "25" }),
      masked,
    );
    expect(page.rows.map((r) => r.customerId)).toEqual(["C0000003", "C0000002", "C0000001"]);
    expect(
      (await listCustomers(db.pool, lead, params({ segment: "premium", region: "north_america" }), masked))
        .total,
    ).toBe(1);
    expect(
      (await listCustomers(db.pool, lead, params({ band: "high" }), masked)).rows[0]?.churnRiskScore,
    ).toBeNull();
  });

  it("never returns a raw email to a masked viewer", async () => {
    const page = await listCustomers(db.pool, lead, params({}), masked);
    expect(JSON.stringify(page)).not.toContain("ada.lovelace1@example.com");
    expect(page.rows.find((r) => r.customerId === "C0000001")?.email).toEqual({
      value: "a•••@example.com",
      masked: true,
    });
  });
});

describe("getCustomer", () => {
  it("masks PII, withholds features the customer did not consent to, and grades freshness", async () => {
    const detail = await getCustomer(db.pool, lead, "C0000003", masked);
    expect(detail?.phone.masked).toBe(true);
    expect(detail?.birthDate.value).toBe("1980-••-••");
    expect(detail?.churnRiskScore).toBeNull();
    const orders = detail?.features.find((f) => f.name === "orders_90d");
    expect(orders).toMatchObject({ value: 4, withheld: false, freshness: { state: "fresh" } });
    expect(detail?.features.find((f) => f.name === "propensity_upsell")?.freshness.state).toBe("expired");
    expect(detail?.interactions).toHaveLength(1);
    const open = await getCustomer(db.pool, lead, "C0000003", unmasked);
    expect(open?.birthDate).toEqual({ value: "1980-04-12", masked: false });
  });

  it("is undefined for an unknown id", async () => {
    expect(await getCustomer(db.pool, lead, "C7777777", masked)).toBeUndefined();
  });
});
