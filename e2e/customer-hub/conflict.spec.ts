import { expect, test } from "@playwright/test";
import {
  assignedCustomer,
  type HubCustomer,
  hubDatabase,
  resetCustomerState,
  setSync,
} from "./support/hub-database.ts";
import { actAs, section } from "./support/hub-page.ts";

const db = hubDatabase();
let customer: HubCustomer;

test.beforeAll(async () => {
  await setSync(db, 0);
  // Ann (an account manager) works only her own customers.
  customer = await assignedCustomer(db, "ann.manager@example.com", 3);
  await resetCustomerState(db, customer.customer_id);
});
test.afterAll(() => db.end());

test("two browsers editing the same note get a visible conflict, not a lost update", async ({ browser }) => {
  const ann = await (await browser.newContext()).newPage();
  const tess = await (await browser.newContext()).newPage();
  await actAs(ann, "ann");
  await actAs(tess, "tess");

  await ann.goto(`/customers/${customer.customer_id}`);
  await section(ann, "Notes").getByRole("textbox").fill("Renewal due in March");
  await section(ann, "Notes").getByRole("button", { name: "Add note" }).click();
  await expect(section(ann, "Notes").getByText("Renewal due in March")).toBeVisible();
  await tess.goto(`/customers/${customer.customer_id}`);

  // Both open the same version of the note for editing.
  for (const page of [ann, tess]) await section(page, "Notes").getByRole("button", { name: "Edit" }).click();
  await section(ann, "Notes")
    .getByRole("textbox", { name: "Note text" })
    .fill("Renewal due in March; budget approved");
  await section(ann, "Notes").getByRole("button", { name: "Save", exact: true }).click();
  await expect(section(ann, "Notes").getByText("Renewal due in March; budget approved")).toBeVisible();

  await section(tess, "Notes").getByRole("textbox", { name: "Note text" }).fill("Renewal moved to April");
  await section(tess, "Notes").getByRole("button", { name: "Save", exact: true }).click();
  const conflict = section(tess, "Notes").locator("[data-conflict]");
  await expect(conflict).toContainText("Someone else changed this note");
  await expect(conflict).toContainText("Renewal due in March; budget approved");

  // Nothing was overwritten silently: the stored note is still Ann's.
  const stored = async () =>
    (
      await db.query<{ body: string; version: number }>(
        "select body, version from customer_hub.notes where customer_id = $1",
        [customer.customer_id],
      )
    ).rows[0];
  expect(await stored()).toEqual({ body: "Renewal due in March; budget approved", version: 2 });

  // Tess resolves it knowingly: her text saved against Ann's version.
  // The conflict panel quotes her text too, so wait for it to close before reading the row.
  await conflict.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(conflict).toBeHidden();
  await expect(section(tess, "Notes").getByText("Renewal moved to April")).toBeVisible();
  await expect.poll(stored).toEqual({ body: "Renewal moved to April", version: 3 });
});
