import { expect, test } from "@playwright/test";
import { type HubCustomer, hubDatabase, nthCustomer, setSync } from "./support/hub-database.ts";
import { actAs } from "./support/hub-page.ts";

const db = hubDatabase();
let customer: HubCustomer;

test.beforeAll(async () => {
  customer = await nthCustomer(db, 5);
});
// Other specs expect a fresh sync; leave it that way whatever happens here.
test.afterAll(async () => {
  await setSync(db, 0);
  await db.end();
});

test("a sync past its target shows the behind banner; values stay visible", async ({ page }) => {
  await setSync(db, 3 * 60);
  await actAs(page, "priya");
  await page.goto(`/customers/${customer.customer_id}`);
  await expect(page.getByText("Customer data is behind its sync target")).toBeVisible();
  await expect(page.locator("[data-field=email]")).toHaveText(customer.email);
});

test("a sync past its limit falls back to last known values, masked even for a privacy officer", async ({
  page,
}) => {
  await setSync(db, 30 * 60);
  await actAs(page, "priya");
  await page.goto(`/customers/${customer.customer_id}`);
  await expect(
    page.getByText("Sync is stale: showing last known values, personal data masked"),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.full_name);
  await expect(page.locator("[data-field=email] [data-permission='customer.pii.read']")).toBeVisible();
  expect(await page.content()).not.toContain(customer.email);
  // The list still works too.
  await page.goto("/customers");
  await expect(page.getByText("Sync is stale")).toBeVisible();
  await expect(page.getByRole("link", { name: /^C\d{7}$/ }).first()).toBeVisible();
});

test("a failed sync also falls back", async ({ page }) => {
  await setSync(db, 5, "SYNCED_TABLE_OFFLINE_FAILED");
  await actAs(page, "priya");
  await page.goto(`/customers/${customer.customer_id}`);
  await expect(page.getByText("Sync is stale")).toBeVisible();
  await expect(page.getByText(/OFFLINE_FAILED/)).toBeVisible();
});
