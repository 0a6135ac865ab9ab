import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { caseEntityCustomers, customersOfEntities } from "./entity-customers.ts";

let db: TestDatabase;
let caseId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query(
    `insert into risk.entities (entity_id, entity_type, name, country_code, is_pep, kyc_status, onboarded_at, customer_id)
     values ('E0000001', 'person', 'Ada Park', 'GB', false, 'verified', now(), 'C0000001'),
            ('E0000002', 'company', 'North Metals Inc', 'NL', false, 'verified', now(), null)`,
  );
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into risk_compliance.risk_case (title, risk_level, assignee, created_by, updated_by)
     values ('Structuring', 'high', 'ana@example.com', 'ana@example.com', 'ana@example.com') returning id`,
  );
  caseId = (rows[0] as { id: string }).id;
  await db.pool.query(
    `insert into risk_compliance.case_entity (case_id, entity_id, linked_by, linked_at) values
     ($1, 'E0000002', 'ana@example.com', now() - interval '1 hour'), ($1, 'E0000001', 'ana@example.com', now())`,
    [caseId],
  );
});
afterAll(() => db.close());

describe("entity customers", () => {
  it("gives each asked entity its customer id, none for a company or an unknown entity", async () => {
    expect(await customersOfEntities(db.pool, ["E0000001", "E0000002", "E9999999", "E0000001"])).toEqual([
      { entityId: "E0000001", customerId: "C0000001" },
      { entityId: "E0000002", customerId: null },
      { entityId: "E9999999", customerId: null },
    ]);
    expect(await customersOfEntities(db.pool, [])).toEqual([]);
  });

  it("lists a case's entities in the order they were linked, with their customers", async () => {
    expect(await caseEntityCustomers(db.pool, caseId)).toEqual([
      { entityId: "E0000002", customerId: null },
      { entityId: "E0000001", customerId: "C0000001" },
    ]);
  });
});
