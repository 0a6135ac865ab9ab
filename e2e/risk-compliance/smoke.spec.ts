import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse risk-compliance` runs it against the staged bundle (Lakebase
// mode, user signed in through the Apps proxy stand-in, only the synced tables, no seed), and the e2e
// suite runs it against `appbase up`. Read-only: it checks what a fresh deployment shows once the kit's
// own intake has run at startup (alerts raised from the synced gold alerts, synced policies imported
// and indexed). The case and audit journey is in journey.spec.ts.
test("a fresh deployment queues alerts raised from gold, cites relevant policies on an alert, and lists policy versions", async ({
  page,
}) => {
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alert queue", level: 1 })).toBeVisible();
  // An alert raised from gold is listed under its synced id (risk.alerts.alert_id).
  const fromGold = page.locator("table.ab-table tbody tr a", { hasText: /^A\d{7}$/ }).first();
  await expect(fromGold).toBeVisible();

  await fromGold.click();
  await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
  const policies = page.getByRole("complementary", { name: "Relevant policies" });
  await expect(policies).toBeVisible();
  // Each hit is cited by policy id, version and section, and the ranking embedder is named.
  await expect(policies.locator("li .rc-cite").first()).toHaveText(/ · v[\d.]+ · § .+ · matched by /);
  await expect(policies.getByText(/^Ranked by: /)).toBeVisible();

  await page.goto("/policies");
  await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^v[\d.]+ \(current\)$/ }).first()).toBeVisible();
  // The synced versions, taken in by the kit's intake.
  await expect(page.getByRole("cell", { name: "gold-sync", exact: true }).first()).toBeVisible();
});
