import { expect, test } from "@playwright/test";
import { hubDatabase, setSync } from "./support/hub-database.ts";
import { actAs, capture } from "./support/hub-page.ts";

// The assigned-customers row rule end to end: Ann (an account manager) is shown her own customers only,
// and no HTML, RSC payload or JSON the kit sends her carries another customer's PII.
const ANN = "ann.manager@example.com";
const db = hubDatabase();
let mine: { customer_id: string; full_name: string; email: string }[];
let others: { customer_id: string; email: string }[];

test.beforeAll(async () => {
  await setSync(db, 0);
  const { rows } = await db.query<{ customer_id: string; full_name: string; email: string; mine: boolean }>(
    `select customer_id, full_name, email, account_manager_email is not distinct from $1 as mine
       from customer.customers order by customer_id`,
    [ANN],
  );
  mine = rows.filter((r) => r.mine);
  others = rows.filter((r) => !r.mine);
  expect(mine.length, "the e2e data assigns Ann some customers").toBeGreaterThan(0);
  expect(mine.length, "Ann's customers fit on one page of the list").toBeLessThanOrEqual(25);
  expect(others.length).toBeGreaterThan(0);
});
test.afterAll(() => db.end());

const leakedBy = (seen: string, requestedIds: readonly string[] = []) =>
  others.filter(
    (c) => seen.includes(c.email) || (seen.includes(c.customer_id) && !requestedIds.includes(c.customer_id)),
  );

test("the list, a profile, the charts and the API show Ann only her customers and nobody else's PII", async ({
  page,
}) => {
  await actAs(page, "ann");
  const own = mine[0]!;
  const seen = await capture(page, async () => {
    await page.goto("/customers");
    const listed = await page.getByRole("link", { name: /^C\d{7}$/ }).allTextContents();
    expect(listed.map((id) => id.trim()).sort()).toEqual(mine.map((c) => c.customer_id).sort());
    // A client-side navigation: the profile arrives as an RSC payload.
    await page.getByRole("link", { name: own.customer_id }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(own.full_name);
    await expect(page.locator("[data-field=email]")).toHaveText(own.email);
    await page.goto("/insights");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  expect(leakedBy(seen).map((c) => c.customer_id)).toEqual([]);

  const api = await page.request.get("/api/customers?pageSize=100");
  expect(api.ok()).toBe(true);
  // Routes answer { ok, data } (next-kit's defineRoute).
  const { data: body } = (await api.json()) as { data: { total: number; rows: { customerId: string }[] } };
  expect(body.total).toBe(mine.length);
  expect(body.rows.map((r) => r.customerId).sort()).toEqual(mine.map((c) => c.customer_id).sort());
  expect(leakedBy(JSON.stringify(body))).toEqual([]);
});

test("another's customer by id, by search or through the API reads as no customer at all", async ({
  page,
}) => {
  await actAs(page, "ann");
  const theirs = others[others.length - 1]!;
  const seen = await capture(page, async () => {
    await page.goto(`/customers/${theirs.customer_id}`);
    await expect(page.getByRole("alert").filter({ hasText: "Not one of your customers" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Notes" })).toHaveCount(0);
    await page.goto(`/customers?q=${encodeURIComponent(theirs.customer_id)}`);
    await expect(page.getByRole("link", { name: theirs.customer_id })).toHaveCount(0);
    await page.goto(`/customers?q=${encodeURIComponent(theirs.email)}`);
    await expect(page.getByRole("link", { name: theirs.customer_id })).toHaveCount(0);
  });
  // The id Ann typed may be echoed back; nothing else of that customer, nor of anyone else, is.
  expect(leakedBy(seen.replaceAll(theirs.email, ""), [theirs.customer_id]).map((c) => c.customer_id)).toEqual(
    [],
  );
  const api = await page.request.get(`/api/customers?q=${theirs.customer_id}`);
  expect(((await api.json()) as { data: { total: number } }).data.total).toBe(0);
});
