import { expect, test } from "@playwright/test";
import { actAs } from "./support/agent-ops-page.ts";
import { filterThreads, orderId, startSupportRun, threadRows } from "./support/threads-page.ts";

test("filter and search threads, open a timeline, and compare two of its checkpoints", async ({ page }) => {
  const good = orderId("ok");
  const broken = orderId("failing");
  await actAs(page, "olga");
  const pausedId = await startSupportRun(page, `Please refund order ${good}, it arrived broken`);
  const brokenId = await startSupportRun(page, `Please refund order ${broken}, it arrived broken`);

  await page.goto("/threads");
  // Search by request text: only that run, and the search is in the URL.
  await filterThreads(page, { q: good });
  expect(new URL(page.url()).searchParams.get("q")).toBe(good);
  await expect(threadRows(page)).toHaveCount(1);
  await expect(threadRows(page).first()).toContainText(pausedId);
  await expect(threadRows(page).first()).toContainText("interrupted");

  // Filters combine with the search: the failing run did not pause for review.
  await filterThreads(page, { q: broken, status: "interrupted" });
  await expect(page.getByText("No threads match these filters.")).toBeVisible();
  await filterThreads(page, { q: broken, agent: "customer-support" });
  await expect(threadRows(page)).toHaveCount(1);
  await expect(threadRows(page).first()).toContainText(brokenId);

  // Search by thread id, then sort by tool errors from the column header (kept in the URL).
  await filterThreads(page, { q: pausedId });
  await expect(threadRows(page)).toHaveCount(1);
  await page.getByRole("link", { name: "Tool errors" }).click();
  await expect(page).toHaveURL(/sort=tool_errors/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(pausedId);

  // Open the timeline from the row.
  await threadRows(page).first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/threads/${pausedId}$`));
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByTestId("timeline-step").first()).toContainText("Step 0 · input");
  await expect(timeline).toContainText(`Please refund order ${good}, it arrived broken`);
  const lookup = timeline.getByTestId("tool-call").filter({ hasText: "lookup_order" });
  await expect(lookup.getByTestId("tool-result")).toContainText(good);
  await expect(timeline.getByTestId("timeline-step").last()).toContainText("waiting for review");
  await expect(timeline.getByTestId("timeline-step").last()).toContainText("Paused for human review:");

  // Compare the input with the newest checkpoint: the URL carries both, the diff lists the messages added.
  await page.getByRole("radio", { name: "From step 0 (input)" }).check();
  await page
    .getByRole("radio", { name: /^To step/ })
    .last()
    .check();
  await page.getByRole("button", { name: "Compare checkpoints" }).click();
  await expect(page).toHaveURL(/from=.*&to=/);
  const diff = page.getByRole("region", { name: "Checkpoint diff" });
  const messages = diff.getByTestId("diff-channel").filter({ hasText: "messages" });
  await expect(messages).toContainText("appended");
  await expect(messages).toContainText("Tool lookup_order (success)");
  await expect(messages).toContainText("issue_refund");

  // A step's own "What changed" link compares the checkpoint it ran from with the one it wrote.
  await timeline.getByTestId("timeline-step").first().getByRole("link", { name: "What changed" }).click();
  await expect(page).toHaveURL(/from=.*&to=.*#diff$/);
  await expect(page.getByRole("region", { name: "Checkpoint diff" })).toContainText(
    `Please refund order ${good}, it arrived broken`,
  );
});

test("the tool-errors filter finds the run whose tool failed, from the recorded tool calls", async ({
  page,
}) => {
  const good = orderId("ok");
  const broken = orderId("failing");
  await actAs(page, "olga");
  await startSupportRun(page, `Please refund order ${good}, it arrived broken`);
  const brokenId = await startSupportRun(page, `Please refund order ${broken}, it arrived broken`);
  await page.goto("/threads");
  await filterThreads(page, { q: broken, errors: "With tool errors" });
  await expect(threadRows(page)).toHaveCount(1);
  await expect(threadRows(page).first()).toContainText(brokenId);
  await expect(threadRows(page).first()).toContainText("1 of 1");
  await filterThreads(page, { q: good, errors: "With tool errors" });
  await expect(page.getByText("No threads match these filters.")).toBeVisible();
  await filterThreads(page, { q: good, errors: "Without tool errors" });
  await expect(threadRows(page)).toHaveCount(1);
});

test("an unknown thread says so instead of failing", async ({ page }) => {
  await actAs(page, "olga");
  await page.goto("/threads/thread-that-does-not-exist");
  await expect(page.getByText("No such thread")).toBeVisible();
  await page.goto("/threads?status=bogus&page=0");
  await expect(page.getByRole("list", { name: "Ignored table parameters" })).toContainText("status");
});
