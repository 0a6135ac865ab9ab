import { expect, test } from "@playwright/test";
import { actAs, queueEntry, startRun, switchIdentity } from "./support/agent-ops-page.ts";

// A fresh order id per run; ids ending in 0 make the demo's lookup tool fail, so avoid them.
const orderId = () => `ORD-${1000 + (Date.now() % 8000)}`.replace(/0$/, "7");

test("start a run → it pauses for review → a reviewer approves with a rationale → the run completes", async ({
  page,
  browser,
}) => {
  const order = orderId();
  await switchIdentity(page, "olga");
  const threadId = await startRun(page, `Please refund order ${order}, it arrived broken`);
  await expect(page.getByText("Status: interrupted")).toBeVisible();
  await expect(page.getByText("Paused for human review:")).toBeVisible();
  await expect(page.getByText("Scripted demo model (deterministic, no LLM bound)")).toBeVisible();

  // Two reviewers open the queue at the same time; both see the unclaimed item.
  await actAs(page, "rita");
  await page.goto("/queue");
  const second = await browser.newPage();
  await actAs(second, "ravi");
  await second.goto("/queue");
  // The paused refund (a refund above the policy limit also raises a separate policy-flag item).
  const paused = (p: typeof page) => queueEntry(p, threadId).filter({ hasText: "Approve issue_refund" });
  await expect(paused(second).getByRole("button", { name: "Claim" })).toBeVisible();

  await paused(page).getByRole("button", { name: "Claim" }).click();
  await expect(paused(page).getByRole("button", { name: "Submit decision" })).toBeVisible();

  // The queue's row rule hides another reviewer's claimed item, so the live queue drops it from the
  // second reviewer's page without a reload (a claim refused meanwhile names nobody: see queue.test).
  await expect(paused(second)).toHaveCount(0);
  await second.close();

  const entry = paused(page);
  await entry.getByRole("button", { name: "Submit decision" }).click();
  await expect(entry.getByRole("alert")).toContainText("Say why");
  await entry.getByLabel("Rationale").fill("Damaged on arrival; within the refund policy");
  await entry.getByRole("button", { name: "Submit decision" }).click();
  // The queue re-renders with the decision (the action revalidates it) and the rationale on the item.
  await expect(entry).toContainText("decided: approve");
  await expect(entry).toContainText("Damaged on arrival; within the refund policy");

  await page.goto(`/threads/${threadId}`);
  await expect(page.getByText("Status: completed")).toBeVisible();
  const calls = page.getByTestId("tool-call");
  await expect(calls).toHaveCount(2);
  await expect(calls.nth(0)).toContainText("lookup_order");
  await expect(calls.nth(0).getByTestId("tool-result")).toContainText(`"orderId":"${order}"`);
  await expect(calls.nth(1)).toContainText("issue_refund");
  await expect(calls.nth(1).getByTestId("tool-result")).toContainText(`USD on ${order}`);

  const handoff = page.getByRole("region", { name: "Assessment payload" });
  await expect(handoff).toContainText("no MLflow experiment is bound");
  await expect(handoff).toContainText('"rationale": "Damaged on arrival; within the refund policy"');
  await expect(handoff).toContainText('"source_id": "rita.reviewer@example.com"');
});

test("risk triage: evidence from the served risk tables, a reviewer edits the proposed action, the run files it", async ({
  page,
}) => {
  await actAs(page, "olga");
  const threadId = await startRun(page, "Triage entity E0000003", {
    name: "risk-triage",
    button: "Start risk triage run",
  });
  await expect(page.getByText("Status: interrupted")).toBeVisible();
  // The evidence subgraph's lookups ran before the pause, inside their own step.
  await expect(page.getByText("Subgraph gather_evidence")).toBeVisible();
  await expect(page.getByTestId("tool-call").filter({ hasText: "lookup_entity" })).toContainText(
    '"entity_id":"E0000003"',
  );

  await actAs(page, "rita");
  await page.goto("/queue");
  const entry = queueEntry(page, threadId).filter({ hasText: "file_triage_action" });
  await entry.getByRole("button", { name: "Claim" }).click();
  await entry.getByLabel("Decision").selectOption("edit");
  await entry.getByLabel("action", { exact: true }).fill("monitor");
  await entry.getByLabel("Rationale").fill("Watch it for a week before escalating");
  await entry.getByRole("button", { name: "Submit decision" }).click();
  await expect(entry).toContainText("decided: edit");
  await expect(entry).toContainText("no MLflow experiment is bound");

  await page.goto(`/threads/${threadId}`);
  await expect(page.getByText("Status: completed")).toBeVisible();
  const filed = page.getByTestId("tool-call").filter({ hasText: "file_triage_action" });
  await expect(filed.getByTestId("tool-result")).toContainText('"action":"monitor"');
});
