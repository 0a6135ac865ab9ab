import { expect, type Page, test } from "@playwright/test";
import { actAs } from "./support/agent-ops-page.ts";

// A fresh tool per run, so the spec does not depend on (or change) the demo agents' tools.
const probe = `e2e_probe_${Date.now().toString(36)}`;

function toolRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Tools" }).getByRole("row").filter({ hasText: name });
}

// What the datetime-local control takes: UTC to the millisecond. A whole second is nudged by 1 ms,
// because the browser would drop ".000" from the value and the fill would not match.
function controlValue(at: Date): string {
  const ms = at.getUTCMilliseconds() === 0 ? new Date(at.getTime() + 1) : at;
  return ms.toISOString().slice(0, 23);
}

test("an admin disables a tool; the 'as of' view before the change still shows it enabled", async ({
  page,
}) => {
  await actAs(page, "adam");
  await page.goto("/registry");
  const agentsTable = page.getByRole("table", { name: "Agents" });
  await expect(agentsTable).toContainText("customer-support");
  await expect(agentsTable).toContainText("risk-triage");

  await page.getByText("Register a tool", { exact: true }).click();
  const form = page.getByRole("form", { name: "Register a tool" });
  await form.getByLabel("Tool name").fill(probe);
  await form.getByLabel("Description").fill("Probe tool registered by the e2e suite");
  await form.getByLabel("Reads (schema.table, comma-separated)").fill("crm.customers");
  await form.getByRole("button", { name: "Register tool" }).click();
  await expect(form.getByRole("status")).toHaveText(`Saved ${probe} as version 1.`);
  const row = toolRow(page, probe);
  await expect(row).toContainText("enabled");
  await expect(row.getByRole("cell").nth(4)).toHaveText("1");
  await expect(row).toContainText("adam.admin@example.com");

  // Version 1 is committed in the lakehouse by now; this instant lies between it and the change.
  const beforeChange = new Date();
  await row.getByRole("button", { name: `Disable tool ${probe}` }).click();
  await expect(row.getByRole("cell").nth(4)).toHaveText("2");
  await expect(row).toContainText("disabled");
  await expect(row.getByRole("button", { name: `Enable tool ${probe}` })).toBeVisible();

  await page.getByLabel("As of (UTC)").fill(controlValue(beforeChange));
  await page.getByRole("button", { name: "Show registry at this time" }).click();
  await page.waitForURL(/asOf=/);
  await expect(page.getByText("Historical view, read-only")).toBeVisible();
  const then = toolRow(page, probe);
  await expect(then).toContainText("enabled");
  await expect(then).not.toContainText("disabled");
  await expect(then.getByRole("cell").nth(4)).toHaveText("1");
  await expect(page.getByRole("button", { name: /Disable tool/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Back to the current registry" }).click();
  await expect(toolRow(page, probe)).toContainText("disabled");
});

test("a reviewer reads the registry but gets no edit form", async ({ page }) => {
  await actAs(page, "rita");
  await page.goto("/registry");
  await expect(page.getByRole("table", { name: "Tools" })).toContainText("lookup_order");
  await expect(page.getByText("Read-only for your role")).toBeVisible();
  await expect(page.getByText("Register a tool", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Disable|Enable) / })).toHaveCount(0);
  await expect(page.getByRole("form", { name: /Edit tool/ })).toHaveCount(0);
});
