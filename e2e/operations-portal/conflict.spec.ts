import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { actAs, portalDatabase } from "./support/portal.ts";

const db = portalDatabase();
test.afterAll(() => db.end());

test("two people moving the same work order: the second gets a visible conflict, not a lost update", async ({
  browser,
  baseURL,
}) => {
  const { rows } = await db.query<{ id: string }>(
    `insert into operations_portal.work_order (asset_id, site_id, title, kind, priority, assignee_id, response_due_at, completion_due_at, request_id, created_by, updated_by)
     select asset_id, site_id, 'E2E conflict', 'reactive', 'high', 't.nguyen', now() + interval '4 hours', now() + interval '3 days', $1, 'e2e', 'e2e'
       from operations.assets order by asset_id limit 1 returning id`,
    [randomUUID()],
  );
  const id = rows[0]!.id;
  const pia = await (await browser.newContext()).newPage();
  const sam = await (await browser.newContext()).newPage();
  await actAs(pia, "pia", baseURL!);
  await actAs(sam, "sam", baseURL!);
  await pia.goto(`/work-orders/${id}`);
  await sam.goto(`/work-orders/${id}`);

  const piaMove = pia.getByRole("form", { name: "Move work order" });
  await piaMove.getByLabel("Move to").selectOption({ label: "In progress" });
  await piaMove.getByRole("button", { name: "Move work order" }).click();
  await expect(pia.getByText("version 2")).toBeVisible();

  const samMove = sam.getByRole("form", { name: "Move work order" });
  await samMove.getByLabel("Move to").selectOption({ label: "Cancelled" });
  await samMove.getByLabel(/Reason/).fill("Not needed any more");
  await samMove.getByRole("button", { name: "Move work order" }).click();
  await expect(samMove.locator("[data-conflict]")).toContainText("changed this work order meanwhile");

  const stored = await db.query("select status, version from operations_portal.work_order where id = $1", [
    id,
  ]);
  expect(stored.rows[0]).toEqual({ status: "in_progress", version: 2 });
});
