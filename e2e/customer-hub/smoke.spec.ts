import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse customer-hub` runs it against the staged bundle (Lakebase mode,
// user signed in through the Apps proxy stand-in), and the e2e suite runs it against `appbase up`.
// Read-only over the synced customer tables.
test("the hub reads customers from Lakebase: the list, one customer's profile, the insights", async ({
  page,
}) => {
  await page.goto("/customers");
  const firstCustomer = page.getByRole("link", { name: /^C\d{7}$/ }).first();
  const customerId = (await firstCustomer.textContent())?.trim() ?? "";
  await firstCustomer.click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customerId}$`));
  await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
  await expect(page.getByRole("region", { name: "Notes" })).toBeVisible();

  await page.goto("/insights");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
