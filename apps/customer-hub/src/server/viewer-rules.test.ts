import { maskValue } from "@appbase/grants";
import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerTableSpec } from "../domain/customers/customer-table-spec.ts";
import { getCustomer } from "../domain/customers/get-customer.ts";
import { listCustomers } from "../domain/customers/list-customers.ts";
import { maskGenieAnswer } from "../domain/genie/mask-answer.ts";
import { insertTestCustomers } from "../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { viewerRules } from "./viewer-rules.ts";

// Every surface that shows a customer (list page, detail page, GET /api/customers, Genie answers)
// masks with the matrix's column rules through @appbase/grants, so each rule has one output.
const viewer = {
  userId: "v",
  email: "v@example.com",
  displayName: "Viewer",
  groups: ["customer-hub-viewers"],
  roles: ["viewer"],
  source: "local" as const,
};
const rules = viewerRules(viewer, false);
let db: TestDatabase;
let raw: { email: string; phone: string; birth_date: string; street_address: string };

beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [{ customer_id: "C0000042", email: "grace.h@example.com" }]);
  const { rows } = await db.pool.query<typeof raw>(
    "select email, phone, birth_date::text as birth_date, street_address from customer.customers",
  );
  raw = rows[0] as typeof raw;
});
afterAll(() => db.close());

describe("one masked form per column rule on every surface", () => {
  it("the viewer's rules mask every PII column", () => {
    expect(Object.values(rules).every((rule) => !rule.unmasked)).toBe(true);
  });

  it("list, detail, API and Genie show the rule's format for the same value", async () => {
    const expected = (column: "email" | "phone" | "birth_date") => {
      const rule = rules[column];
      if (!rule || rule.mask === "omit") throw new Error(`no masking rule for ${column}`);
      return maskValue(raw[column], rule.mask);
    };
    const page = await listCustomers(db.pool, viewer, parseTableParams({}, customerTableSpec), rules);
    const detail = await getCustomer(db.pool, viewer, "C0000042", rules);
    // GET /api/customers returns listCustomers' page as JSON.
    const api = JSON.parse(JSON.stringify(page)) as typeof page;
    const genie = maskGenieAnswer(
      {
        conversationId: "c",
        messageId: "m",
        text: null,
        sql: null,
        queryTitle: null,
        columns: ["customer_id", "EMAIL", "phone_number", "date_of_birth", "street_address"],
        rows: [["C0000042", raw.email, raw.phone, raw.birth_date, raw.street_address]],
        suggestedQuestions: [],
      },
      rules,
    );

    expect(expected("email")).not.toBe(raw.email);
    expect(page.rows[0]?.email).toEqual({ value: expected("email"), masked: true });
    expect(api.rows[0]?.email).toEqual({ value: expected("email"), masked: true });
    expect(detail?.email).toEqual({ value: expected("email"), masked: true });
    expect(detail?.phone).toEqual({ value: expected("phone"), masked: true });
    expect(detail?.birthDate).toEqual({ value: expected("birth_date"), masked: true });
    expect(genie.rows[0]).toEqual([
      "C0000042",
      expected("email"),
      expected("phone"),
      expected("birth_date"),
      detail?.address.value,
    ]);
  });
});
