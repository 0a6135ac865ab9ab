import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse operations-portal` runs it against the staged bundle, and the
// e2e suite against `appbase up`. Read-only over the synced operations tables and the kit's own.
test("the portal reads sites, assets and an asset's scores from Lakebase", async ({ page }) => {
  await page.goto("/sites");
  await expect(page.getByRole("heading", { name: "Sites", level: 1 })).toBeVisible();
  await page.getByRole("region", { name: "Sites" }).locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/assets\?site=S\d{4}/);
  await page.getByRole("region", { name: "Assets" }).locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/assets\/AS\d{6}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Score trend" })).toBeVisible();
  await page.goto("/work-orders");
  await expect(page.getByRole("heading", { name: "Work orders", level: 1 })).toBeVisible();
});
