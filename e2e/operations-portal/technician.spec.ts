import { expect, test } from "@playwright/test";
import { actAs, portalDatabase } from "./support/portal.ts";

const db = portalDatabase();
test.afterAll(() => db.end());

test("a technician sees only their own work orders, on a phone too", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await actAs(page, "t.nguyen", baseURL!);
  await page.goto("/work-orders?size=100");
  const rows = page.getByRole("region", { name: "Work orders" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("Thi Nguyen");

  // Someone else's order is not there, not even by its URL.
  const { rows: others } = await db.query<{ id: string }>(
    "select id from operations_portal.work_order where assignee_id is distinct from 't.nguyen' limit 1",
  );
  await page.goto(`/work-orders/${others[0]!.id}`);
  await expect(page.getByText("No such work order")).toBeVisible();

  // My work: cards that fit the phone's width.
  await page.goto("/my");
  await expect(
    page.getByRole("list", { name: "My work orders" }).getByRole("listitem").first(),
  ).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
