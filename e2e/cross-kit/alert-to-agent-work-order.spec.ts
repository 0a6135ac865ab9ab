import { expect, test } from "@playwright/test";
import { queueEntry } from "../agent-ops/support/agent-ops-page.ts";
import { actAs, kitDatabase } from "../shared/kit-database.ts";
import type { E2eKit } from "../shared/kits.ts";
import { requireKits } from "../shared/running-kits.ts";

const db = kitDatabase("operations-portal");
test.afterAll(() => db.end());

let portal: E2eKit;
let agents: E2eKit;
test.beforeAll(async () => {
  ({ "operations-portal": portal, "agent-ops": agents } = await requireKits(
    "operations-portal",
    "agent-ops",
  ));
});

/** A fresh open score alert on a served asset, as the portal's threshold rules raise one. */
async function raiseAlert(): Promise<{ id: string; assetId: string }> {
  const { rows } = await db.query<{ id: string; asset_id: string }>(
    `insert into operations_portal.alert (dedup_key, asset_id, site_id, asset_type, rule_id, rule_description, value, scored_at, priority, due_at)
     select 'e2e-handoff:' || gen_random_uuid(), a.asset_id, a.site_id, a.asset_type, a.asset_type || ':health',
            'health score below 40', 31, now(), 1, now() + interval '1 hour'
     from operations.assets a order by a.asset_id limit 1
     returning id, asset_id`,
  );
  if (!rows[0]) throw new Error("operations.assets is empty: appbase up loads the served tables.");
  return { id: rows[0].id, assetId: rows[0].asset_id };
}

test("an asset score alert handed to an agent becomes, after review in Agent Ops, a work order in the Portal", async ({
  page,
}) => {
  test.slow(); // two kits, an agent run, a review and the filing in between
  const alert = await raiseAlert();
  const item = () =>
    page.getByRole("list", { name: "Alerts" }).getByRole("listitem").filter({ hasText: alert.id });

  // Portal: a planner hands the alert to the maintenance planner; the alert then names its thread.
  await actAs(page, "pia", portal.url);
  await page.goto(`${portal.url}/alerts`);
  await item().getByRole("button", { name: "Hand to agent" }).click();
  const handed = item().getByTestId("handed-to-agent").getByRole("link");
  // The hand-off answers once the run reached its review step (the agent ran meanwhile).
  await expect(handed).toContainText(`in ${agents.title}`, { timeout: 90_000 });
  const threadHref = (await handed.getAttribute("href")) ?? "";
  const threadId = decodeURIComponent(threadHref.split("/").at(-1) ?? "");
  expect(threadHref).toBe(`${agents.url}/go/thread/${threadId}`);
  await expect(item().getByRole("button", { name: "Hand to agent" })).toHaveCount(0);

  // Agent Ops: the agent read the asset from the served tables and proposes a work order for review.
  await actAs(page, "rita", agents.url);
  await page.goto(`${agents.url}/threads/${threadId}`);
  await expect(page.getByText("Status: interrupted")).toBeVisible();
  await expect(page.getByTestId("tool-call").filter({ hasText: "lookup_asset" })).toContainText(
    `"asset_id":"${alert.assetId}"`,
  );
  await page.goto(`${agents.url}/queue`);
  const entry = queueEntry(page, threadId).filter({ hasText: "Approve propose_work_order" });
  await entry.getByRole("button", { name: "Claim" }).click();
  await entry.getByLabel("Rationale").fill("Health below 40 on a critical asset: inspect it");
  await entry.getByRole("button", { name: "Submit decision" }).click();
  await expect(entry).toContainText("decided: approve");

  // The thread links to the work order the Portal opened.
  await page.goto(`${agents.url}/threads/${threadId}`);
  await expect(page.getByText("Status: completed")).toBeVisible();
  const filed = page.getByRole("list", { name: "Filed in other kits" }).getByRole("link");
  await expect(filed).toContainText(/WO-\d+/);
  await expect(filed).toContainText(`in ${portal.title}`);

  // Portal: the order is there, from the alert (now closed with it), and links back to the thread.
  const { rows } = await db.query<{ status: string; work_order_id: string }>(
    "select status, work_order_id from operations_portal.alert where id = $1",
    [alert.id],
  );
  expect(rows[0]?.status).toBe("work_order");
  await actAs(page, "pia", portal.url);
  await filed.click();
  await expect(page).toHaveURL(`${portal.url}/work-orders/${rows[0]?.work_order_id}`);
  const back = page.getByLabel("Proposed by an agent").getByRole("link");
  await expect(back).toHaveAttribute("href", `${agents.url}/go/thread/${threadId}`);
  await page.screenshot({ path: test.info().outputPath("work-order-with-thread-link.png"), fullPage: true });

  // Handing the same alert again starts nothing new: Agent Ops still has one run for it.
  const runs = await db.query("select count(*)::int as n from agent_ops.agent_run where thread_id = $1", [
    threadId,
  ]);
  expect(runs.rows[0].n).toBe(1);
});
