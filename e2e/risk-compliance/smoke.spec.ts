import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse risk-compliance` runs it against the staged bundle (Lakebase
// mode, user signed in through the Apps proxy stand-in), and the e2e suite runs it against `appbase up`.
// Read-only, over the seeded queue, cases and policy versions.
test("the kit reads its queue, a case with a verified audit chain and cited policies, and the policy versions from Lakebase", async ({
  page,
}) => {
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alert queue", level: 1 })).toBeVisible();
  await expect(page.locator("table.ab-table tbody tr").first()).toBeVisible();

  await page.goto("/cases");
  await page.locator("table tbody a").first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/Audit chain verified \(\d+ events\)/)).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Relevant policies" })).toBeVisible();

  await page.goto("/policies");
  await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: /\(current\)/ }).first()).toBeVisible();
});
