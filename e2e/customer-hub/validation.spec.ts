import { expect, test } from "@playwright/test";
import {
  assignedCustomer,
  type HubCustomer,
  hubDatabase,
  resetCustomerState,
  setSync,
} from "./support/hub-database.ts";
import { actAs, section } from "./support/hub-page.ts";

const db = hubDatabase();
let customer: HubCustomer;

const count = async (table: string) =>
  Number(
    (
      await db.query<{ n: string }>(
        `select count(*)::text as n from customer_hub.${table} where customer_id = $1`,
        [customer.customer_id],
      )
    ).rows[0]?.n,
  );

test.beforeAll(async () => {
  await setSync(db, 0);
  // Ann (an account manager) works only her own customers.
  customer = await assignedCustomer(db, "ann.manager@example.com", 2);
  await resetCustomerState(db, customer.customer_id);
});
test.afterAll(() => db.end());

test.beforeEach(async ({ page }) => {
  await actAs(page, "ann");
  await page.goto(`/customers/${customer.customer_id}`);
});

test("an empty note gets a field error and writes nothing", async ({ page }) => {
  const notes = section(page, "Notes");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.locator("[data-field-error=body]")).toContainText("empty note is not saved");
  expect(await count("notes")).toBe(0);
  expect(await count("activity")).toBe(0);
});

test("an oversized note gets a field error and writes nothing", async ({ page }) => {
  const notes = section(page, "Notes");
  await notes.getByRole("textbox").fill("x".repeat(4001));
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.locator("[data-field-error=body]")).toContainText("at most 4000 characters");
  expect(await count("notes")).toBe(0);
});

test("an illegal status transition gets a field error and writes nothing", async ({ page }) => {
  const workflow = section(page, "Workflow status");
  await workflow.getByRole("combobox").selectOption("retained");
  await workflow.getByRole("button", { name: "Move status" }).click();
  await expect(workflow.locator("[data-field-error=status]")).toContainText("cannot move to retained");
  await expect(workflow.getByText("Current:")).toContainText("new");
  expect(await count("customer_status")).toBe(0);
  expect(await count("activity")).toBe(0);
});
