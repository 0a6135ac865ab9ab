import { expect, test } from "@playwright/test";
import { actAs, portalDatabase, raiseTestAlert } from "./support/portal.ts";

const db = portalDatabase();
test.afterAll(() => db.end());

test("a score alert is claimed, a work order opened from it moves through its lifecycle, and an illegal move is refused", async ({
  page,
  baseURL,
}) => {
  const { alertId } = await raiseTestAlert(db, "journey");
  await actAs(page, "pia", baseURL!);
  await page.goto("/alerts");
  const item = page.getByRole("listitem").filter({ hasText: "E2E journey" });
  await item.getByRole("button", { name: "Claim" }).click();
  await expect(item.getByRole("button", { name: "Open work order…" })).toBeVisible();
  await item.getByRole("button", { name: "Open work order…" }).click();
  const form = item.getByRole("form", { name: "Open work order from alert" });
  await form.getByLabel("Title").fill("Pump health collapsed: inspect bearing");
  await form.getByLabel("Technician").selectOption({ label: "Thi Nguyen" });
  await form.getByRole("button", { name: "Open work order" }).click();
  await expect(page).toHaveURL(/\/work-orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pump health collapsed");
  const { rows } = await db.query("select status, work_order_id from operations_portal.alert where id = $1", [
    alertId,
  ]);
  expect(rows[0]).toMatchObject({ status: "work_order" });

  const move = page.getByRole("form", { name: "Move work order" });
  // Open → Complete is not a move the lifecycle allows: a field error on status, nothing changes.
  await move.getByLabel("Move to").selectOption({ label: "Complete (not allowed from here)" });
  await move.getByRole("button", { name: "Move work order" }).click();
  await expect(move.locator('[data-field-error="status"]')).toContainText("Open cannot move to Complete");
  // On hold needs a reason; first start the work.
  await move.getByLabel("Move to").selectOption({ label: "In progress" });
  await move.getByRole("button", { name: "Move work order" }).click();
  await expect(page.getByText("In progress", { exact: true }).first()).toBeVisible();
  await move.getByLabel("Move to").selectOption({ label: "On hold" });
  await move.getByRole("button", { name: "Move work order" }).click();
  await expect(move.locator('[data-field-error="reason"]')).toBeVisible();
  await move.getByLabel(/Reason/).fill("Waiting for bearing 6205");
  await move.getByRole("button", { name: "Move work order" }).click();
  await expect(page.getByText("Waiting for bearing 6205").first()).toBeVisible();
  await move.getByLabel("Move to").selectOption({ label: "In progress" });
  await move.getByRole("button", { name: "Move work order" }).click();
  await move.getByLabel("Move to").selectOption({ label: "Complete" });
  await move.getByRole("button", { name: "Move work order" }).click();
  await expect(page.getByText("This work order is closed.")).toBeVisible();
  const history = page.getByRole("table", { name: "History" });
  const statusRows = history
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: "status", exact: true }) });
  await expect(statusRows).toHaveCount(4);
});
