import { expect, test } from "@playwright/test";
import { actAs, raiseStructuringAlert, riskDatabase } from "./support/risk.ts";

// A lead (senior reviewer) ticks alerts in the queue and assigns or dismisses them in one go; each
// alert is changed only at the version the lead saw, and an analyst gets no bulk form.
const db = riskDatabase();
test.afterAll(() => db.end());

const alertRow = (id: string) =>
  db
    .query<{ status: string; claimed_by: string | null; resolution: string | null; version: number }>(
      "select status, claimed_by, resolution, version from risk_compliance.alert where id = $1",
      [id],
    )
    .then((r) => r.rows[0]!);

test("a lead bulk-assigns alerts to an analyst and bulk-dismisses others; one changed meanwhile is left alone", async ({
  page,
  baseURL,
}) => {
  const [a, b, c, d] = [
    await raiseStructuringAlert(db, { urgent: true }),
    await raiseStructuringAlert(db, { urgent: true }),
    await raiseStructuringAlert(db, { urgent: true }),
    await raiseStructuringAlert(db, { urgent: true }),
  ];
  await actAs(page, "sara", baseURL!);
  await page.goto("/alerts");
  const bulk = page.getByRole("form", { name: "Bulk actions" });
  const tick = (id: string) => page.getByRole("checkbox", { name: `Select ${id.slice(0, 8)}` }).check();

  await tick(a);
  await tick(b);
  await bulk.getByLabel("Assignee").fill("ben.analyst@example.com");
  await bulk.getByRole("button", { name: "Assign selected" }).click();
  await expect(bulk.getByRole("status")).toHaveText("Assigned 2 alert(s).");
  for (const id of [a, b])
    expect(await alertRow(id)).toMatchObject({ status: "claimed", claimed_by: "ben.analyst@example.com" });
  await expect(page.getByRole("row").filter({ hasText: a.slice(0, 8) })).toContainText(
    "claimed by ben.analyst@example.com",
  );

  // Dismissing needs a resolution: the form says so and nothing changes.
  await tick(c);
  await bulk.getByRole("button", { name: "Dismiss selected" }).click();
  await expect(bulk.getByText(/resolution must be one of/)).toBeVisible();
  expect((await alertRow(c)).status).toBe("new");

  // Ana claims d after the lead's page was drawn: the lead's dismissal leaves d alone and says why.
  await tick(d);
  await db.query(
    "update risk_compliance.alert set status = 'claimed', claimed_by = 'ana.analyst@example.com', claimed_at = now(), lease_expires_at = now() + interval '15 minutes', version = version + 1 where id = $1",
    [d],
  );
  await bulk.getByLabel("Resolution").selectOption("false_positive");
  await bulk.getByLabel("Note").fill("Payroll deposits, same employer each month.");
  await bulk.getByRole("button", { name: "Dismiss selected" }).click();
  const outcome = bulk.getByRole("status");
  await expect(outcome).toContainText("Dismissed 1 alert(s).");
  await expect(outcome).toContainText(`Not changed: ${d.slice(0, 8)}`);
  expect(await alertRow(c)).toMatchObject({ status: "dismissed", resolution: "false_positive" });
  expect(await alertRow(d)).toMatchObject({ status: "claimed", claimed_by: "ana.analyst@example.com" });
  await expect(page.getByRole("row").filter({ hasText: c.slice(0, 8) })).toHaveCount(0);
});

test("an analyst sees the queue without the bulk form", async ({ page, baseURL }) => {
  await raiseStructuringAlert(db, { urgent: true });
  await actAs(page, "ana", baseURL!);
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alert queue", level: 1 })).toBeVisible();
  await expect(page.locator("table.ab-table tbody tr").first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Bulk actions" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
});
