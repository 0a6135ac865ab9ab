import { expect, test } from "@playwright/test";
import { actAs } from "./support/agent-ops-page.ts";
import { orderId, startSupportRun } from "./support/threads-page.ts";

test("tool-call records: per-tool figures, a window, and a recent failure followed to its step", async ({
  page,
}) => {
  const broken = orderId("failing");
  await actAs(page, "olga");
  const threadId = await startSupportRun(page, `Please refund order ${broken}, it arrived broken`);

  await page.goto("/tools");
  await page.getByRole("link", { name: "Last hour" }).click();
  await expect(page).toHaveURL(/window=1h/);
  const lookup = page.getByRole("region", { name: "Tool lookup_order" });
  await expect(lookup).toContainText("Calls");
  await expect(lookup).toContainText("Error rate");
  await expect(lookup).toContainText("p95");
  await expect(lookup.getByRole("img", { name: /Latency distribution/ })).toBeVisible();

  const failure = page.getByTestId("tool-failure").filter({ hasText: broken });
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText("lookup_order");
  await expect(failure).toContainText(threadId);
  await failure.getByRole("link", { name: "Open in timeline" }).click();

  await expect(page).toHaveURL(new RegExp(`/threads/${threadId}\\?call=`));
  const target = page.locator('[data-testid="tool-call"][aria-current="location"]');
  await expect(target).toHaveCount(1);
  await expect(target).toContainText("lookup_order");
  await expect(target).toContainText("error");
  await expect(target).toContainText(broken);
  await expect(target).toBeInViewport();
});

test("a window without calls says so and offers all time", async ({ page }) => {
  await actAs(page, "olga");
  await page.goto("/tools?window=1h&tool=no_such_tool");
  await expect(page.getByRole("heading", { name: "Tool calls" })).toBeVisible();
  await expect(
    page.getByText(/failed no_such_tool calls in last hour|No tool calls in last hour/),
  ).toBeVisible();
});
