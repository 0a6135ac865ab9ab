import type { ResolvedColumnRule } from "@appbase/grants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { listPiiAccess, recordPiiAccess } from "./pii-access.ts";

const masked: Record<string, ResolvedColumnRule> = {
  email: { mask: "email", unmasked: false },
  phone: { mask: "phone", unmasked: false },
};
const unmasked = Object.fromEntries(Object.entries(masked).map(([k, r]) => [k, { ...r, unmasked: true }]));

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("PII access log (audit.read)", () => {
  it("records who was shown unmasked PII of which customers, and nothing for masked or empty views", async () => {
    const ann = { email: "ann.manager@example.com" };
    const vic = { email: "vic.viewer@example.com" };
    await recordPiiAccess(db.pool, {
      viewer: ann,
      surface: "customer-detail",
      customerIds: ["C0000001"],
      rules: unmasked,
    });
    await recordPiiAccess(db.pool, {
      viewer: ann,
      surface: "customer-list",
      customerIds: ["C0000001", "C0000002"],
      rules: unmasked,
    });
    await recordPiiAccess(db.pool, {
      viewer: vic,
      surface: "customer-detail",
      customerIds: ["C0000001"],
      rules: masked,
    });
    await recordPiiAccess(db.pool, {
      viewer: ann,
      surface: "api-customers",
      customerIds: [],
      rules: unmasked,
    });

    const all = await listPiiAccess(db.pool);
    expect(all.map((e) => [e.viewerEmail, e.surface, e.customerIds])).toEqual([
      ["ann.manager@example.com", "customer-list", ["C0000001", "C0000002"]],
      ["ann.manager@example.com", "customer-detail", ["C0000001"]],
    ]);
    expect(all.every((e) => e.at instanceof Date)).toBe(true);
    expect((await listPiiAccess(db.pool, { customerId: "C0000002" })).map((e) => e.surface)).toEqual([
      "customer-list",
    ]);
    expect(await listPiiAccess(db.pool, { viewerEmail: vic.email })).toEqual([]);
  });
});
