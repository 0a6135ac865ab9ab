import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerRules } from "../../server/viewer-rules.ts";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { accountManager, teamLead } from "../../testing/viewers.ts";
import { filterGenieAnswer } from "./filter-answer.ts";
import type { GenieAnswer } from "./genie-types.ts";
import { maskGenieAnswer } from "./mask-answer.ts";

let db: TestDatabase;
const ann = accountManager("ann.manager@example.com");
const rules = viewerRules({ ...ann, displayName: "Ann", roles: ["account-manager"], source: "local" }, true);

beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000001", email: "mine.one@example.com", account_manager_email: ann.email },
    { customer_id: "C0000002", email: "theirs@example.com", account_manager_email: "bob@example.com" },
    { customer_id: "C0000003", email: "mine.two@example.com", account_manager_email: ann.email },
    { customer_id: "C0000004", email: "nobody@example.com", account_manager_email: null },
  ]);
});
afterAll(() => db.close());

const answer = (columns: string[], rows: (string | null)[][]): GenieAnswer => ({
  conversationId: "c",
  messageId: "m",
  text: "The top customers are theirs@example.com and mine.one@example.com.",
  sql: "SELECT …",
  queryTitle: null,
  columns,
  rows,
  suggestedQuestions: ["And last year?"],
});

describe("filterGenieAnswer (the assigned-customers row rule on Genie answers)", () => {
  const byCustomer = answer(
    ["customer_id", "email", "lifetime_value"],
    [
      ["C0000001", "mine.one@example.com", "10"],
      ["C0000002", "theirs@example.com", "20"],
      ["C0000003", "mine.two@example.com", "30"],
      ["C0000004", "nobody@example.com", "40"],
      ["C9999999", "gone@example.com", "50"],
      [null, "null@example.com", "60"],
    ],
  );

  it("keeps only the account manager's customers and says how many rows were withheld, instead of Genie's summary", async () => {
    const filtered = await filterGenieAnswer(db.pool, ann, byCustomer, rules);
    expect(filtered.rows.map((r) => r[0])).toEqual(["C0000001", "C0000003"]);
    expect(filtered.text).toBe(
      "4 of 6 row(s) were withheld: they are about customers not assigned to you. Genie's summary of the full result is not shown.",
    );
    expect(filtered.suggestedQuestions).toEqual(["And last year?"]);
    // Masking then applies to what is left: nothing of another customer remains anywhere in the answer.
    const shown = JSON.stringify(maskGenieAnswer(filtered, rules));
    for (const other of ["theirs", "nobody", "gone", "null@", "mine.one@"])
      expect(shown).not.toContain(other);
  });

  it("finds the id column under another name and leaves an answer about own customers as it is", async () => {
    const own = answer(["top_customer_id", "orders"], [["C0000003", "7"]]);
    expect(await filterGenieAnswer(db.pool, ann, own, rules)).toBe(own);
  });

  it("withholds a result that names people without a customer id, and keeps one that does not (aggregates)", async () => {
    const names = answer(["full_name", "lifetime_value"], [["Test Person 0000002", "20"]]);
    const filtered = await filterGenieAnswer(db.pool, ann, names, rules);
    expect(filtered.rows).toEqual([]);
    expect(filtered.text).toMatch(/All 1 row\(s\) were withheld: the answer names people \(full_name\)/);
    const aggregate = answer(["segment", "customers"], [["vip", "12"]]);
    expect(await filterGenieAnswer(db.pool, ann, aggregate, rules)).toBe(aggregate);
  });

  it("gives a read-all holder the whole answer", async () => {
    expect(await filterGenieAnswer(db.pool, teamLead(), byCustomer, rules)).toBe(byCustomer);
  });
});
