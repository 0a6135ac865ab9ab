import { expect, type Page, test } from "@playwright/test";
import { hubDatabase } from "./support/hub-database.ts";
import { actAs } from "./support/hub-page.ts";

// A status migration previewed on a Lakebase branch of the local Lakebase: its row diff is shown,
// one is discarded with main unchanged, another is applied on main by the lead.
const db = hubDatabase();
const appliedIds: string[] = [];
test.afterAll(async () => {
  // The applied migration moved customers nobody had moved: put them back to `new` for the other specs.
  if (appliedIds.length > 0) {
    await db.query("delete from customer_hub.activity where customer_id = any($1) and detail ? 'migration'", [
      appliedIds,
    ]);
    await db.query("delete from customer_hub.customer_status where customer_id = any($1)", [appliedIds]);
  }
  await db.end();
});

/** The segment and churn band with the fewest customers still `new`, and their ids. */
async function smallNewGroup(): Promise<{ segment: string; band: string; ids: string[] }> {
  const { rows } = await db.query<{ segment: string; band: string; ids: string[] }>(
    `select c.segment, c.churn_risk_band as band, array_agg(c.customer_id order by c.customer_id) as ids
       from customer.customers c
       left join customer_hub.customer_status s on s.customer_id = c.customer_id
      where coalesce(s.status, 'new') = 'new'
      group by 1, 2 order by count(*), 1, 2 limit 1`,
  );
  if (!rows[0]) throw new Error("No customer is `new`; seed the e2e database first.");
  return rows[0];
}

const statuses = () =>
  db.query("select * from customer_hub.customer_status order by customer_id").then((r) => r.rows);

/** Prepares `new → to` for the group on the Status migrations page; returns the review page's branch. */
async function prepare(page: Page, group: { segment: string; band: string }, to: string): Promise<string> {
  await page.goto("/status-migrations");
  const form = page.getByRole("form", { name: "Prepare a status migration" });
  await form.locator('select[name="from"]').selectOption("new");
  await form.locator('select[name="to"]').selectOption(to);
  await form.locator('select[name="segment"]').selectOption(group.segment);
  await form.locator('select[name="churnRiskBand"]').selectOption(group.band);
  await form.locator('textarea[name="note"]').fill("E2E: quarterly outreach");
  await form.getByRole("button", { name: "Prepare preview" }).click();
  await page.waitForURL(/\/status-migrations\/customer-hub-preview-[0-9a-f]{8}$/, { timeout: 90_000 });
  return page.url().split("/").pop()!;
}

test("a status migration previewed on a branch shows its diff and is discarded, leaving main unchanged", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const group = await smallNewGroup();
  const before = await statuses();
  await actAs(page, "tess");
  const branch = await prepare(page, group, "contacted");

  const diff = page.locator('[data-diff-table="customer_hub.customer_status"]');
  await expect(
    page.getByText(`${group.ids.length} inserted · 0 updated · 0 deleted`, { exact: true }),
  ).toBeVisible();
  await expect(diff).toContainText(group.ids[0]!);
  // Tasks and notes: nothing changed.
  await expect(page.getByText("0 inserted · 0 updated · 0 deleted", { exact: true })).toHaveCount(2);
  await expect(page.locator("[data-preview-command]")).toHaveText(
    `appbase preview customer-hub --branch ${branch}`,
  );
  expect(await statuses()).toEqual(before);

  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page.locator("[data-preview-discarded]")).toContainText("main is unchanged");
  expect(await statuses()).toEqual(before);
  await page.goto("/status-migrations");
  await expect(page.locator("[data-previews]").getByText(branch)).toHaveCount(0);
  await page.goto(`/status-migrations/${branch}`);
  await expect(page.getByText("This preview is gone")).toBeVisible();
});

test("a previewed migration is applied on main by the lead; a viewer cannot open migrations", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const group = await smallNewGroup();
  await actAs(page, "tess");
  const branch = await prepare(page, group, "churned");
  await expect(
    page.getByText(`${group.ids.length} inserted · 0 updated · 0 deleted`, { exact: true }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Apply on main" }).click();
  appliedIds.push(...group.ids);
  await expect(page.locator("[data-preview-applied]")).toContainText(
    `Applied on main to ${group.ids.length} customer(s)`,
  );
  const { rows } = await db.query<{ status: string }>(
    "select status from customer_hub.customer_status where customer_id = any($1)",
    [group.ids],
  );
  expect(rows.map((r) => r.status)).toEqual(group.ids.map(() => "churned"));
  await page.goto(`/status-migrations/${branch}`);
  await expect(page.getByText("This preview is gone")).toBeVisible();

  await actAs(page, "vic");
  await page.goto("/status-migrations");
  await expect(page.getByText("You cannot see status migrations")).toBeVisible();
  await expect(page.getByRole("form", { name: "Prepare a status migration" })).toHaveCount(0);
});
