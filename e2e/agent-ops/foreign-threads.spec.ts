import { expect, test } from "@playwright/test";
import { runPlainProgram } from "../../apps/agent-ops/src/testing/plain-langgraph-program.ts";
import { kitDatabase } from "../shared/kit-database.ts";
import { actAs, queueEntry } from "./support/agent-ops-page.ts";
import { filterThreads, threadRows } from "./support/threads-page.ts";

// A plain LangGraph program that knows nothing of the kit writes its threads with the official
// PostgresSaver into the kit's checkpoint schema; the kit has no run record, tool call or review item of it.
const pool = kitDatabase("agent-ops");
test.afterAll(() => pool.end());

/** A thread of the plain program, paused at its approval interrupt after one failed tool call. */
export async function plainProgramThread(): Promise<{ threadId: string; city: string }> {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const city = `Lyon${stamp.slice(-7)}`;
  const threadId = `plain-${stamp}`;
  await runPlainProgram(pool, { schema: "agent_checkpoints", threadId, city });
  return { threadId, city };
}

test("a plain LangGraph program's threads are listed, searchable, in tool statistics and in the queue", async ({
  page,
}) => {
  const { threadId, city } = await plainProgramThread();
  await actAs(page, "olga");

  // Listed and found by search (its first human message), with status and tool errors from the checkpoints.
  await page.goto("/threads");
  await filterThreads(page, { q: city });
  await expect(threadRows(page)).toHaveCount(1);
  const row = threadRows(page).first();
  await expect(row).toContainText(threadId);
  await expect(row).toContainText(`Plan a day trip to ${city}`);
  await expect(row).toContainText("interrupted");
  await expect(row).toContainText("1 of 2");
  await filterThreads(page, { q: threadId, errors: "With tool errors", status: "interrupted" });
  await expect(threadRows(page)).toHaveCount(1);

  // Its timeline: the step that only asked for tools says what it asked for; the failed tool is shown.
  await threadRows(page).first().getByRole("link").first().click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Asked for: get_weather, get_air_quality");
  await expect(timeline.getByTestId("tool-call").filter({ hasText: "get_air_quality" })).toContainText(
    "error",
  );
  await expect(page.getByText("Status: interrupted")).toBeVisible();
  await expect(page.getByText("its own program (reads agent_ops.interrupt_decision)")).toBeVisible();

  // Counted in the tool statistics: its failed call is among the recent failures.
  await page.goto("/tools?window=1h&tool=get_air_quality");
  await expect(page.getByTestId("tool-failure").filter({ hasText: threadId })).toContainText(
    `air quality service unavailable for ${city}`,
  );

  // Its interrupt is in the review queue, marked as resumed by its own program.
  await page.goto("/queue");
  const entry = queueEntry(page, threadId);
  await expect(entry).toContainText(`Book the trip to ${city}?`);
  await expect(entry.getByTestId("resumed-by")).toContainText("resumed by its own program");
});

test("two reviewers see each other's claim and decision without a reload", async ({ page, browser }) => {
  const { threadId } = await plainProgramThread();
  await actAs(page, "rita");
  await page.goto("/queue");
  // An operator sees every claim; the second reviewer sees only unclaimed items and their own.
  const operator = await browser.newPage();
  await actAs(operator, "olga");
  await operator.goto("/queue");
  const reviewer = await browser.newPage();
  await actAs(reviewer, "ravi");
  await reviewer.goto("/queue");
  await expect(queueEntry(reviewer, threadId).getByRole("button", { name: "Claim" })).toBeVisible();
  await expect(queueEntry(operator, threadId)).toBeVisible();

  await queueEntry(page, threadId).getByRole("button", { name: "Claim" }).click();
  await expect(queueEntry(page, threadId).getByRole("button", { name: "Submit decision" })).toBeVisible();

  // No reload on the other pages: the live queue picks the claim up within a few seconds.
  await expect(queueEntry(operator, threadId)).toContainText("Claimed by", { timeout: 8_000 });
  await expect(queueEntry(operator, threadId)).toContainText("rita.reviewer@example.com");
  await expect(queueEntry(reviewer, threadId)).toHaveCount(0, { timeout: 8_000 });

  const entry = queueEntry(page, threadId);
  await entry.getByLabel("Rationale").fill("Weather looks fine for the trip");
  await entry.getByRole("button", { name: "Submit decision" }).click();
  await expect(entry).toContainText("decided: approve");
  await expect(queueEntry(operator, threadId)).toContainText("decided: approve", { timeout: 8_000 });
  await operator.close();
  await reviewer.close();

  // The decision waits for the program in the documented table.
  const { rows } = await pool.query<{ resume: { decision: string; rationale: string } }>(
    "select resume from agent_ops.interrupt_decision where thread_id = $1",
    [threadId],
  );
  expect(rows.map((r) => r.resume)).toEqual([
    { decision: "approve", rationale: "Weather looks fine for the trip" },
  ]);
});

test("a claim made before the other reviewer's page is interactive still reaches that page", async ({
  page,
  browser,
}) => {
  const { threadId } = await plainProgramThread();
  await actAs(page, "rita");
  await page.goto("/queue");
  // The second reviewer's page is rendered before the claim, but its live refresh's first poll is held
  // until after it (as when the page hydrates late): it must compare with the version the page was
  // rendered from, not take the first answer as its starting point.
  const reviewer = await browser.newPage();
  await actAs(reviewer, "ravi");
  let release = () => {};
  const claimed = new Promise<void>((resolve) => {
    release = resolve;
  });
  await reviewer.route("**/api/live", async (route) => {
    await claimed;
    await route.continue();
  });
  await reviewer.goto("/queue");
  await expect(queueEntry(reviewer, threadId).getByRole("button", { name: "Claim" })).toBeVisible();

  await queueEntry(page, threadId).getByRole("button", { name: "Claim" }).click();
  await expect(queueEntry(page, threadId).getByRole("button", { name: "Submit decision" })).toBeVisible();
  release();
  await expect(queueEntry(reviewer, threadId)).toHaveCount(0, { timeout: 8_000 });
  await reviewer.close();
});
