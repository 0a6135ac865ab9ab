import { expect, test } from "@playwright/test";
import { hubDatabase, setSync } from "./support/hub-database.ts";
import { actAs } from "./support/hub-page.ts";

const db = hubDatabase();
test.beforeAll(() => setSync(db, 0));
test.afterAll(() => db.end());

test("insights show the segment mix, churn-risk distribution and status funnel; unbound Genie says how to bind it", async ({
  page,
}) => {
  await actAs(page, "tess");
  await page.goto("/insights");
  for (const title of ["Segment mix", "Churn-risk distribution", "Status funnel"]) {
    await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
  }
  const { rows } = await db.query<{ n: string }>("select count(*)::text as n from customer.customers");
  await expect(
    page.getByText(Number(rows[0]?.n).toLocaleString("en-US"), { exact: true }).first(),
  ).toBeVisible();
  const genie = page.getByRole("region", { name: "Ask about customers" });
  await expect(genie.getByText("Genie is not bound to this app")).toBeVisible();
  await expect(genie).toContainText("GENIE_SPACE_ID");
});
