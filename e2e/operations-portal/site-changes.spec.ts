import { expect, type Page, test } from "@playwright/test";
import { actAs, portalDatabase } from "./support/portal.ts";

// A bulk reassignment previewed on a Lakebase branch of the local Lakebase: its row diff is shown,
// then it is applied on main by a site manager; another is discarded and main stays as it was.
const db = portalDatabase();
test.afterAll(() => db.end());

/** The site with the most open orders assigned to `technician`, and those orders' ids. */
async function busiestSite(technician: string): Promise<{ siteId: string; ids: string[] }> {
  const { rows } = await db.query<{ site_id: string; ids: string[] }>(
    `select site_id, array_agg(id order by id) as ids from operations_portal.work_order
      where assignee_id = $1 and status in ('open', 'in_progress', 'on_hold')
      group by site_id order by count(*) desc, site_id limit 1`,
    [technician],
  );
  if (!rows[0]) throw new Error(`The seed has no open work orders for ${technician}.`);
  return { siteId: rows[0].site_id, ids: rows[0].ids };
}

async function assignees(ids: string[]): Promise<(string | null)[]> {
  const { rows } = await db.query<{ assignee_id: string | null }>(
    "select assignee_id from operations_portal.work_order where id = any($1::uuid[]) order by id",
    [ids],
  );
  return rows.map((r) => r.assignee_id);
}

/** Prepares a reassignment on the Site changes page; returns the review page's branch. */
async function prepareReassignment(page: Page, siteId: string, from: string, to: string): Promise<string> {
  await page.goto("/site-changes");
  const form = page.getByRole("form", { name: "Prepare a site change" });
  await form.locator('select[name="kind"]').selectOption("reassign");
  await form.locator('select[name="siteId"]').selectOption(siteId);
  await form.locator('select[name="fromAssigneeId"]').selectOption(from);
  await form.locator('select[name="toAssigneeId"]').selectOption(to);
  await form.locator('textarea[name="note"]').fill("E2E: cover leave");
  await form.getByRole("button", { name: "Prepare preview" }).click();
  await page.waitForURL(/\/site-changes\/operations-portal-preview-[0-9a-f]{8}$/, { timeout: 60_000 });
  return page.url().split("/").pop()!;
}

test("a bulk reassignment previewed on a branch shows its diff and is applied on main", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { siteId, ids } = await busiestSite("t.nguyen");
  const pia = await (await browser.newContext()).newPage();
  await actAs(pia, "pia", baseURL!);
  const branch = await prepareReassignment(pia, siteId, "t.nguyen", "m.garcia");

  const orders = pia.locator('[data-diff-table="operations_portal.work_order"]');
  await expect(pia.getByText(`${0} inserted · ${ids.length} updated · 0 deleted`).first()).toBeVisible();
  await expect(orders).toContainText(`assignee_id (${ids.length})`);
  await expect(orders).toContainText("m.garcia");
  await expect(pia.locator("[data-preview-command]")).toHaveText(
    `appbase preview operations-portal --branch ${branch}`,
  );
  // A planner prepares and reviews; applying is the site manager's.
  await expect(pia.getByRole("button", { name: "Apply on main" })).toHaveCount(0);
  expect(await assignees(ids)).toEqual(ids.map(() => "t.nguyen"));

  const sam = await (await browser.newContext()).newPage();
  await actAs(sam, "sam", baseURL!);
  await sam.goto(`/site-changes/${branch}`);
  await sam.getByRole("button", { name: "Apply on main" }).click();
  await expect(sam.locator("[data-preview-applied]")).toContainText(
    `Applied on main to ${ids.length} work order(s)`,
  );
  expect(await assignees(ids)).toEqual(ids.map(() => "m.garcia"));
  await sam.goto(`/site-changes/${branch}`);
  await expect(sam.getByText("This preview is gone")).toBeVisible();
});

test("a discarded reassignment deletes its branch and leaves main unchanged", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { siteId, ids } = await busiestSite("m.garcia");
  const before = await db.query("select * from operations_portal.work_order order by id");
  const pia = await (await browser.newContext()).newPage();
  await actAs(pia, "pia", baseURL!);
  const branch = await prepareReassignment(pia, siteId, "m.garcia", "t.nguyen");
  await expect(pia.getByText(`0 inserted · ${ids.length} updated · 0 deleted`).first()).toBeVisible();

  await pia.getByRole("button", { name: "Discard" }).click();
  await expect(pia.locator("[data-preview-discarded]")).toContainText("main is unchanged");
  expect((await db.query("select * from operations_portal.work_order order by id")).rows).toEqual(
    before.rows,
  );
  await pia.goto("/site-changes");
  await expect(pia.locator("[data-previews]").getByText(branch)).toHaveCount(0);
});
