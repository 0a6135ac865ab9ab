import { expect, test } from "@playwright/test";
import { queueEntry, startRun } from "../agent-ops/support/agent-ops-page.ts";
import { actAs, kitDatabase } from "../shared/kit-database.ts";
import { type E2eKit, e2eKits } from "../shared/kits.ts";
import { requireKits } from "../shared/running-kits.ts";

// Agent Ops' page helpers navigate by path: they run against Agent Ops.
test.use({ baseURL: e2eKits().find((k) => k.kit === "agent-ops")?.url });

const db = kitDatabase("agent-ops");
test.afterAll(() => db.end());

let agents: E2eKit;
let risk: E2eKit;
test.beforeAll(async () => {
  ({ "agent-ops": agents, "risk-compliance": risk } = await requireKits("agent-ops", "risk-compliance"));
});

test("the support agent's tool reads the customer Customer Hub serves (customer.*)", async ({ page }) => {
  // A fresh order id per run; ids ending in 0 make the demo's lookup fail.
  const digits = 1000 + (Date.now() % 8000);
  const order = `ORD-${digits}`.replace(/0$/, "7");
  // The customer lookup_order picks, read straight from the served customer table.
  const { rows } = await db.query<{ customer_id: string; full_name: string; segment: string }>(
    `select customer_id, full_name, segment from customer.customers order by customer_id
     offset ($1::bigint % greatest((select count(*) from customer.customers), 1)) limit 1`,
    [Number(order.replace(/\D/g, ""))],
  );
  const customer = rows[0];
  if (!customer) throw new Error("customer.customers is empty: appbase up loads the served tables.");

  await actAs(page, "olga", agents.url);
  await page.goto(`${agents.url}/threads`);
  const threadId = await startRun(page, `Please refund order ${order}, it arrived broken`);
  const lookup = page.getByTestId("tool-call").filter({ hasText: "lookup_order" });
  const result = lookup.getByTestId("tool-result");
  await expect(result).toContainText(`"id":"${customer.customer_id}"`);
  await expect(result).toContainText(`"name":"${customer.full_name}"`);
  await expect(result).toContainText(`"segment":"${customer.segment}"`);
  expect(threadId).toMatch(/^thread-/);
});

interface OpenAlert {
  entity_id: string;
  alert_ids: string[];
}

/**
 * An entity whose open served alerts (what the agent's list_open_alerts reads) include a high or
 * critical one and are all open and unclaimed in the Risk queue, so the scripted model escalates and
 * the Risk kit can take every one.
 */
async function triageableEntity(): Promise<OpenAlert> {
  const { rows } = await db.query<OpenAlert>(
    `with open as (
       select s.entity_id, s.alert_id, s.severity, a.status as queue_status
       from risk.alerts s
       join risk_compliance.synced_alert_intake i on i.source_alert_id = s.alert_id
       join risk_compliance.alert a on a.id = i.alert_id
       where s.status in ('new', 'triaging'))
     select entity_id, array_agg(alert_id order by alert_id) as alert_ids from open
     group by entity_id
     having bool_and(queue_status = 'new') and bool_or(severity in ('high', 'critical'))
        and count(*) <= 10
     order by entity_id limit 1`,
  );
  if (!rows[0])
    throw new Error("No entity has a high open alert the Risk kit has taken in: load the synthetic data.");
  return rows[0];
}

test("the risk-triage agent files a case, after a human approved it, that appears in the Risk kit's queue", async ({
  page,
}) => {
  test.slow(); // two kits, an agent run, a review and the filing in between
  const target = await triageableEntity();

  // Agent Ops: the agent gathers evidence from the served risk tables and proposes to escalate.
  await actAs(page, "olga", agents.url);
  await page.goto(`${agents.url}/threads`);
  const threadId = await startRun(page, `Triage entity ${target.entity_id}`, {
    name: "risk-triage",
    button: "Start risk triage run",
  });
  await expect(page.getByText("Status: interrupted")).toBeVisible();

  // A reviewer approves the filing in Agent Ops' review queue; only then does the tool run.
  await actAs(page, "rita", agents.url);
  await page.goto(`${agents.url}/queue`);
  const entry = queueEntry(page, threadId).filter({ hasText: "Approve file_triage_action" });
  await expect(entry).toContainText('"action":"escalate"');
  await entry.getByRole("button", { name: "Claim" }).click();
  await entry.getByLabel("Rationale").fill("Severe open alerts on a high-risk entity: open a case");
  await entry.getByRole("button", { name: "Submit decision" }).click();
  await expect(entry).toContainText("decided: approve");

  // The thread shows the case it filed, as a link into the Risk kit.
  await page.goto(`${agents.url}/threads/${threadId}`);
  await expect(page.getByText("Status: completed")).toBeVisible();
  const filed = page.getByRole("list", { name: "Filed in other kits" }).getByRole("link");
  await expect(filed).toContainText(/CASE-\d+/);
  await expect(filed).toContainText(`in ${risk.title}`);
  const caseLabel = ((await filed.textContent()) ?? "").match(/CASE-\d+/)?.[0] ?? "";

  // The case is in the Risk kit's queue (the analysts' case list), with the escalated alerts.
  const { rows } = await db.query<{ id: string; status: string; case_id: string }>(
    `select a.status, a.case_id, f.case_id as id from risk_compliance.triage_filing f
     join risk_compliance.synced_alert_intake i on i.source_alert_id = any(f.alert_ids)
     join risk_compliance.alert a on a.id = i.alert_id
     where f.source_thread_id = $1`,
    [threadId],
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r.case_id).toBe(r.id);
    expect(["escalated", "merged"]).toContain(r.status);
  }
  await actAs(page, "sara", risk.url);
  await page.goto(`${risk.url}/cases`);
  await expect(page.getByRole("link", { name: caseLabel, exact: true })).toBeVisible();

  // Opening the link lands on the case, which links back to the thread that filed it.
  // Kits share the host, so the local identity cookie is set for the kit about to be opened.
  await actAs(page, "olga", agents.url);
  await page.goto(`${agents.url}/threads/${threadId}`);
  await actAs(page, "sara", risk.url);
  await filed.click();
  await expect(page).toHaveURL(new RegExp(`^${risk.url}/cases/`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(caseLabel);
  const back = page.getByLabel("Filed by an agent").getByRole("link");
  await expect(back).toHaveAttribute("href", `${agents.url}/go/thread/${threadId}`);
  await expect(back).toContainText(`in ${agents.title}`);
  await page.screenshot({ path: test.info().outputPath("risk-case-with-thread-link.png"), fullPage: true });
  await actAs(page, "olga", agents.url);
  await back.click();
  await expect(page).toHaveURL(`${agents.url}/threads/${threadId}`);
});
