import { expect, test } from "@playwright/test";
import { type HubCustomer, hubDatabase, nthCustomer, setSync } from "./support/hub-database.ts";
import { actAs, capture } from "./support/hub-page.ts";

const db = hubDatabase();
let customer: HubCustomer;

test.beforeAll(async () => {
  await setSync(db, 0);
  customer = await nthCustomer(db, 3);
});
test.afterAll(() => db.end());

const rawPii = () => [customer.email, customer.phone, customer.street_address, customer.birth_date];

test("a viewer's page source and network responses contain no unmasked PII", async ({ page }) => {
  await actAs(page, "vic");
  const seen = await capture(page, async () => {
    await page.goto(`/customers?q=${encodeURIComponent(customer.customer_id)}`);
    await page.getByRole("link", { name: customer.customer_id }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.full_name);
  });
  // The route handler is another way in; it must mask the same way.
  const api = await page.request.get(`/api/customers?q=${customer.customer_id}`);
  expect(api.ok()).toBe(true);
  const apiBody = await api.text();
  for (const value of rawPii()) {
    expect(seen, `unmasked ${value} reached a viewer's browser`).not.toContain(value);
    expect(apiBody).not.toContain(value);
  }
  await expect(page.locator("[data-field=email] [data-permission='customer.pii.read']")).toBeVisible();
  // Searching by an email would confirm it exists; for a masked viewer it finds nothing.
  await page.goto(`/customers?q=${encodeURIComponent(customer.email)}`);
  await expect(page.getByRole("link", { name: customer.customer_id })).toHaveCount(0);
});

test("a privacy officer sees the same customer's PII", async ({ page }) => {
  await actAs(page, "priya");
  await page.goto(`/customers/${customer.customer_id}`);
  await expect(page.locator("[data-field=email]")).toHaveText(customer.email);
  await expect(page.locator("[data-field=phone]")).toHaveText(customer.phone);
  await expect(page.locator("[data-field=birth_date]")).toHaveText(customer.birth_date);
});
