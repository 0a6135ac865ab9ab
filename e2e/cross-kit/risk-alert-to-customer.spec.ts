import { expect, test } from "@playwright/test";
import { section } from "../customer-hub/support/hub-page.ts";
import { actAs, kitDatabase } from "../shared/kit-database.ts";
import type { E2eKit } from "../shared/kits.ts";
import { requireKits } from "../shared/running-kits.ts";

const db = kitDatabase("risk-compliance");
test.afterAll(() => db.end());

let risk: E2eKit;
let hub: E2eKit;
test.beforeAll(async () => {
  ({ "risk-compliance": risk, "customer-hub": hub } = await requireKits("risk-compliance", "customer-hub"));
});

interface LinkedParty {
  entity_id: string;
  customer_id: string;
  full_name: string;
  email: string;
}

/** A monitored person who is a customer (risk.entities.customer_id), with what Customer Hub masks. */
async function linkedParty(): Promise<LinkedParty> {
  const { rows } = await db.query<LinkedParty>(
    `select e.entity_id, e.customer_id, c.full_name, c.email from risk.entities e
     join customer.customers c on c.customer_id = e.customer_id order by e.entity_id limit 1`,
  );
  if (!rows[0])
    throw new Error("No risk entity is linked to a customer: load the synthetic data (appbase up).");
  return rows[0];
}

/** A fresh alert on the entity, as a monitoring rule raises it (its own dedup key per run). */
async function raiseAlert(entityId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into risk_compliance.alert (dedup_key, entity_id, rule_id, rule_name, severity, priority, score, due_at)
     values ('e2e-cross:' || gen_random_uuid(), $1, 'TM-004', 'Rapid movement of funds', 'high', 2, 77, now() + interval '24 hours')
     returning id`,
    [entityId],
  );
  return rows[0]!.id;
}

test("a risk alert on an entity leads to its customer in Customer Hub, masked per role, where a note is added; the case links back", async ({
  page,
}) => {
  const party = await linkedParty();
  const alertId = await raiseAlert(party.entity_id);
  const customerHref = `${hub.url}/go/customer/${party.customer_id}`;
  const customerLink = () =>
    page
      .getByRole("list", { name: "Linked customers" })
      .getByRole("link", { name: `customer ${party.customer_id}` });

  // Risk: the alert names the entity's customer as a link into Customer Hub; escalate it to a case.
  await actAs(page, "ana", risk.url);
  await page.goto(`${risk.url}/alerts/${alertId}`);
  await expect(customerLink()).toHaveAttribute("href", customerHref);
  await expect(customerLink()).toContainText(`in ${hub.title}`);
  await page.getByRole("form", { name: "Claim" }).getByRole("button", { name: "Claim" }).click();
  const escalate = page.getByRole("form", { name: "Escalate to a case" });
  await escalate.getByRole("button", { name: "Escalate to a case" }).click();
  await page.waitForURL(/\/cases\//);
  const caseUrl = page.url();
  await expect(customerLink()).toHaveAttribute("href", customerHref);

  // Customer Hub as a viewer: the link opens the customer, PII masked.
  await actAs(page, "vic", hub.url);
  await customerLink().click();
  await expect(page).toHaveURL(`${hub.url}/customers/${party.customer_id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(party.full_name);
  await expect(page.locator("[data-field=email] [data-permission='customer.pii.read']")).toBeVisible();
  await expect(page.locator("[data-field=email]")).not.toContainText(party.email);

  // As the team lead the same page shows the email, and the lead adds a note.
  await actAs(page, "tess", hub.url);
  await page.reload();
  await expect(page.locator("[data-field=email]")).toHaveText(party.email);
  const note = `Risk alert ${alertId.slice(0, 8)} on ${party.entity_id}: checking the source of funds (${Date.now()})`;
  await section(page, "Notes").getByRole("textbox").fill(note);
  await section(page, "Notes").getByRole("button", { name: "Add note" }).click();
  await expect(section(page, "Notes").getByText(note)).toBeVisible();
  // The list shows the note before the server action returns (optimistic); poll until it is stored.
  await expect
    .poll(
      async () =>
        (
          await db.query("select 1 from customer_hub.notes where customer_id = $1 and body = $2", [
            party.customer_id,
            note,
          ])
        ).rowCount,
    )
    .toBe(1);

  // Back in Risk, the case links to the same customer, where the note now is.
  await actAs(page, "ana", risk.url);
  await page.goto(caseUrl);
  await actAs(page, "tess", hub.url);
  await customerLink().click();
  await expect(section(page, "Notes").getByText(note)).toBeVisible();
});
