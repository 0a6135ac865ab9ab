import { randomUUID } from "node:crypto";
import { NotFoundError } from "@appbase/next-kit/errors";
import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { accountManager, privacyOfficer } from "../../testing/viewers.ts";
import { listActivity } from "../activity/activity.ts";
import { customerTableSpec } from "../customers/customer-table-spec.ts";
import { getCustomer } from "../customers/get-customer.ts";
import { listCustomers } from "../customers/list-customers.ts";
import { consentsInForce, listConsentChanges, recordConsentChange } from "./consent-changes.ts";

const priya = privacyOfficer();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000001", consent_profiling: true, churn_risk_score: 0.8, churn_risk_band: "high" },
    { customer_id: "C0000002", consent_marketing: false },
  ]);
  await db.pool.query(
    `insert into customer.customer_features (customer_id, feature_name, value, computed_at)
     values ('C0000001', 'churn_risk_score', 0.8, now())`,
  );
});
afterAll(() => db.close());

const record = (
  input: { customerId: string; purpose: "profiling" | "marketing"; granted: boolean },
  requestId = randomUUID(),
) => recordConsentChange(db.pool, { ...input, reason: "Customer asked by phone", requestId, actor: priya });

describe("consent changes (consent.manage)", () => {
  it("records a withdrawal once per request id, audited in the customer's history", async () => {
    const requestId = randomUUID();
    const first = await record({ customerId: "C0000001", purpose: "profiling", granted: false }, requestId);
    const retry = await record({ customerId: "C0000001", purpose: "profiling", granted: false }, requestId);
    expect(retry.id).toBe(first.id);
    expect(await listConsentChanges(db.pool, "C0000001")).toHaveLength(1);
    const history = await listActivity(db.pool, "C0000001");
    expect(history.map((h) => [h.action, h.actorEmail])).toEqual([["consent.changed", priya.email]]);
    expect(history[0]?.detail).toMatchObject({
      purpose: "profiling",
      granted: false,
      reason: "Customer asked by phone",
    });
  });

  it("takes effect at once: the profile withholds profiling features and the list the churn score", async () => {
    const rules = {};
    const detail = await getCustomer(db.pool, priya, "C0000001", rules);
    expect(detail?.consents.profiling).toBe(false);
    expect(detail?.churnRiskScore).toBeNull();
    expect(detail?.features.find((f) => f.name === "churn_risk_score")).toMatchObject({
      withheld: true,
      value: null,
    });
    expect(detail?.consentChanges.map((c) => c.purpose)).toEqual(["profiling"]);
    const page = await listCustomers(
      db.pool,
      priya,
      parseTableParams({ q: "C0000001" }, customerTableSpec),
      {},
    );
    expect(page.rows[0]?.churnRiskScore).toBeNull();
    // Granting again restores it: the latest decision is the one in force.
    await record({ customerId: "C0000001", purpose: "profiling", granted: true });
    expect((await getCustomer(db.pool, priya, "C0000001", rules))?.churnRiskScore).toBe(0.8);
  });

  it("the latest decision per purpose overrides the synced flag; other purposes keep theirs", () => {
    const synced = { marketing: false, analytics: true, personalization: true, profiling: true };
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
    const change = (purpose: "marketing" | "profiling", granted: boolean, minutes: number) => ({
      id: randomUUID(),
      customerId: "C0000002",
      purpose,
      granted,
      reason: "r",
      recordedBy: priya.email,
      recordedAt: at(minutes),
    });
    // Newest first, as listConsentChanges returns them.
    expect(consentsInForce(synced, [change("marketing", true, 2), change("marketing", false, 1)])).toEqual({
      ...synced,
      marketing: true,
    });
  });

  it("is refused on a customer the actor does not work, and nothing is recorded", async () => {
    await expect(
      recordConsentChange(db.pool, {
        customerId: "C0000002",
        purpose: "marketing",
        granted: true,
        reason: "Customer asked by phone",
        requestId: randomUUID(),
        actor: accountManager(),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listConsentChanges(db.pool, "C0000002")).toEqual([]);
  });
});
