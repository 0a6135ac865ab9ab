import { expect, test } from "@playwright/test";
import { actAs, startRun } from "./support/agent-ops-page.ts";
import { orderId } from "./support/threads-page.ts";

test("fork a thread at a checkpoint with an edited tool result; the timeline shows the fork and its outcome", async ({
  page,
}) => {
  const order = orderId("ok");
  await actAs(page, "olga");
  const threadId = await startRun(page, `Please refund order ${order}, it arrived broken`);
  await expect(page.getByText("Status: interrupted")).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("The order qualifies for a refund of");

  // Pick the lookup's result at the checkpoint the tools step wrote, and make the order cost 12.5.
  const fork = page.getByRole("form", { name: "Fork from a checkpoint" });
  await fork.getByLabel("Tool result").selectOption({ label: `lookup_order (call_lookup_${order})` });
  await fork.getByLabel("From checkpoint").selectOption({ label: "step 2 (tools)" });
  await fork
    .getByLabel("Edited result")
    .fill(JSON.stringify({ orderId: order, total: 12.5, status: "delivered" }));
  await fork.getByRole("button", { name: "Run fork" }).click();

  // The fork's first step is the state edit, from the chosen checkpoint; the agent then ran on the edit.
  const forkStep = timeline.getByTestId("timeline-step").filter({ hasText: "fork (state edited)" });
  await expect(forkStep).toContainText("State edited for the fork");
  await expect(forkStep).toContainText("fork of ");
  await expect(timeline.getByTestId("timeline-step").filter({ hasText: "on fork" }).first()).toContainText(
    "The order qualifies for a refund of 12.5",
  );
  // The original branch is still there, with the amount the real lookup returned.
  await expect(timeline).toContainText(/The order qualifies for a refund of (?!12\.5)\d/);
  expect(page.url()).toContain(threadId);
});
