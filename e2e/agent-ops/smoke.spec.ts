import { expect, test } from "@playwright/test";

// The kit's smoke spec: `appbase rehearse agent-ops` runs it against the staged bundle (Lakebase mode,
// user signed in through the Apps proxy stand-in), and the e2e suite runs it against `appbase up`.
// Read-only, over the demo history the seed produced by running the agents.
test("the operator plane reads agent state from Lakebase: threads, a timeline, the queue, tool calls, the registry", async ({
  page,
}) => {
  await page.goto("/threads");
  const rows = page.getByRole("table", { name: "Threads" }).locator("tbody tr");
  const completed = rows.filter({ hasText: "completed" }).filter({ hasText: "customer-support" });
  await completed.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/threads\/[^/?]+$/);
  await expect(page.getByText("Status: completed")).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByTestId("tool-call").first()).toContainText(
    "lookup_order",
  );

  await page.goto("/queue");
  await expect(page.getByRole("list", { name: "Review queue" }).getByRole("listitem").first()).toBeVisible();

  await page.goto("/tools");
  await expect(page.getByRole("region", { name: "Tool lookup_order" })).toContainText("Calls");

  await page.goto("/registry");
  await expect(page.getByRole("table", { name: "Agents" })).toContainText("customer-support");
  await expect(page.getByRole("table", { name: "Tools" })).toContainText("issue_refund");
});
