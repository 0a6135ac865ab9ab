import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse operations-portal` runs it against the staged bundle on a
// Lakebase holding only the synced tables (no seed), and the e2e suite against `appbase up`. Read-only:
// what a fresh deployment shows from the synced operations tables and what the kit raises itself.
test("the portal reads sites, assets and scores from Lakebase, raises alerts and imports the work-order history itself, and has a roster", async ({
  page,
}) => {
  await page.goto("/sites");
  await expect(page.getByRole("heading", { name: "Sites", level: 1 })).toBeVisible();
  await page.getByRole("region", { name: "Sites" }).locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/assets\?site=S\d{4}/);
  await page.getByRole("region", { name: "Assets" }).locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/assets\/AS\d{6}$/);
  const assetPage = page.url();
  await expect(page.getByRole("heading", { level: 2, name: "Score trend" })).toBeVisible();

  // The kit evaluates the threshold rules against the latest synced scores as a startup step and on an
  // interval (src/server/score-alerts.ts): the queue fills without any seed.
  await expect(async () => {
    await page.goto("/alerts");
    await expect(page.getByRole("list", { name: "Alerts" }).getByRole("listitem").first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });

  // The synced work-order history is the kit's own intake too (src/server/work-order-history.ts).
  await expect(async () => {
    await page.goto("/work-orders");
    await expect(page.getByRole("heading", { name: "Work orders", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Work orders" }).locator("tbody a").first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });

  // The roster is usable: a holder of the technician role joins it on opening the alert queue (above; the
  // rehearsal's user holds every kit group), so a new work order can be assigned to someone.
  await page.goto(assetPage);
  const technician = page.getByRole("combobox", { name: "Technician" }).first();
  await expect(technician).toBeVisible();
  await expect(technician.locator("option").nth(1)).toBeAttached();
});
