import { expect, test } from "@playwright/test";
import {
  assignedCustomer,
  type HubCustomer,
  hubDatabase,
  resetCustomerState,
  setSync,
} from "./support/hub-database.ts";
import { section, switchIdentity } from "./support/hub-page.ts";

const db = hubDatabase();
let customer: HubCustomer;

test.beforeAll(async () => {
  await setSync(db, 0);
  // Ann (an account manager) works only her own customers.
  customer = await assignedCustomer(db, "ann.manager@example.com", 1);
  await resetCustomerState(db, customer.customer_id);
});
test.afterAll(() => db.end());

test("search → open a customer → add a note → move status → the history shows both", async ({ page }) => {
  await switchIdentity(page, "ann");
  await page.goto("/customers");
  await page.getByPlaceholder("Search name, id or email").fill(customer.full_name);
  await page.getByPlaceholder("Search name, id or email").press("Enter");
  await expect(page).toHaveURL(/q=/);
  await page.getByRole("link", { name: customer.customer_id }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.full_name);

  const note = `Called ${customer.full_name.split(" ")[0]}; wants a renewal quote (${Date.now()})`;
  await section(page, "Notes").getByRole("textbox").fill(note);
  await section(page, "Notes").getByRole("button", { name: "Add note" }).click();
  await expect(section(page, "Notes").getByText(note)).toBeVisible();

  const workflow = section(page, "Workflow status");
  await workflow.getByRole("combobox").selectOption("contacted");
  await workflow.getByRole("button", { name: "Move status" }).click();
  await expect(workflow.getByText("Current:")).toContainText("contacted");

  const history = section(page, "History");
  await expect(history.getByText("moved status from new to contacted")).toBeVisible();
  await expect(history.getByText(/added a note/)).toBeVisible();
  await expect(history.getByText("ann.manager@example.com").first()).toBeVisible();

  // A follow-up with an assignee and a due date, then done.
  const tasks = section(page, "Follow-up tasks");
  await tasks.getByLabel("Task").fill("Send the renewal quote");
  await tasks.getByLabel("Assignee").fill("tess.lead@example.com");
  await tasks.getByLabel("Due").fill("2030-01-15");
  await tasks.getByRole("button", { name: "Add follow-up" }).click();
  await expect(tasks.getByText("Send the renewal quote")).toBeVisible();
  await expect(tasks).toContainText("tess.lead@example.com · due 2030-01-15");
  await tasks.getByRole("button", { name: "Mark done" }).click();
  await expect(history.getByText("completed task “Send the renewal quote”")).toBeVisible();

  // It is stored, not just shown: a reload shows the same.
  await page.reload();
  await expect(section(page, "Notes").getByText(note)).toBeVisible();
  await expect(section(page, "Workflow status").getByText("Current:")).toContainText("contacted");
});
