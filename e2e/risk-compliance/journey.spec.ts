import { expect, test } from "@playwright/test";
import { actAs, raiseStructuringAlert, riskDatabase } from "./support/risk.ts";

const db = riskDatabase();
test.afterAll(() => db.end());

test("claim (a second claimer is refused), escalate, evidence, the known policy in the top 3, four-eyes close, a verifying audit chain; an edited audit row is named", async ({
  browser,
  baseURL,
}) => {
  const alertId = await raiseStructuringAlert(db);
  const ana = await (await browser.newContext()).newPage();
  const ben = await (await browser.newContext()).newPage();
  const sara = await (await browser.newContext()).newPage();
  await actAs(ana, "ana", baseURL!);
  await actAs(ben, "ben", baseURL!);
  await actAs(sara, "sara", baseURL!);

  await ana.goto(`/alerts/${alertId}`);
  await ben.goto(`/alerts/${alertId}`);
  // The known policy for structuring alerts is among the top three, cited with id, version and section.
  const policies = ana.getByRole("complementary", { name: "Relevant policies" });
  await expect(
    policies.locator("li strong").filter({ hasText: "Structuring and Smurfing Indicators" }),
  ).toBeVisible();
  const titles = await policies.locator("li strong").allTextContents();
  expect(titles.slice(0, 3)).toContain("Anti-Money Laundering: Structuring and Smurfing Indicators");
  await expect(policies.locator("mark").first()).toBeVisible();

  await ana.getByRole("form", { name: "Claim" }).getByRole("button", { name: "Claim" }).click();
  await expect(ana.getByRole("form", { name: "Escalate to a case" })).toBeVisible();
  const benClaim = ben.getByRole("form", { name: "Claim" });
  await benClaim.getByRole("button", { name: "Claim" }).click();
  await expect(benClaim.getByRole("alert")).toContainText("ana.analyst@example.com has claimed this item");

  const escalate = ana.getByRole("form", { name: "Escalate to a case" });
  await escalate.getByLabel("Risk level").selectOption("high");
  await escalate.getByRole("button", { name: "Escalate to a case" }).click();
  await ana.waitForURL(/\/cases\//);
  const caseUrl = ana.url();

  const note = ana.getByRole("form", { name: "Add note" });
  await note.getByPlaceholder("Title").fill("Branch deposits");
  await note
    .getByPlaceholder("What you found")
    .fill("Nine deposits of 9,900 across three branches in two days.");
  await note.getByRole("button", { name: "Add note" }).click();
  await expect(ana.getByText(/sha256 [0-9a-f]{64}/)).toBeVisible();

  const move = ana.getByRole("form", { name: "Apply" });
  await move.getByLabel("Move").selectOption("start");
  await move.getByRole("button", { name: "Apply" }).click();
  await expect(ana.getByText("Investigating", { exact: true })).toBeVisible();
  await move.getByLabel("Move").selectOption("propose");
  await move.getByLabel("Disposition").selectOption("confirmed_risk");
  await move.getByPlaceholder("Rationale or reason").fill("Structuring pattern confirmed by branch records.");
  await move.getByRole("button", { name: "Apply" }).click();
  await expect(ana.getByText("Pending review", { exact: true })).toBeVisible();
  // Ana cannot approve her own proposal (she is no senior reviewer, and four-eyes forbids the proposer).
  await move.getByLabel("Move").selectOption("approve");
  await move.getByRole("button", { name: "Apply" }).click();
  await expect(move.getByRole("alert")).toContainText(/senior reviewer|four-eyes/);

  await sara.goto(caseUrl);
  const review = sara.getByRole("form", { name: "Apply" });
  await review.getByLabel("Move").selectOption("approve");
  await review.getByRole("button", { name: "Apply" }).click();
  await expect(sara.getByText("Closed", { exact: true })).toBeVisible();
  await expect(sara.getByText(/Audit chain verified/)).toBeVisible();

  // Someone edits an audit row directly in the database: the case's badge names the row.
  const caseId = caseUrl.split("/cases/")[1]!;
  const { rows } = await db.query<{ id: string; seq: number }>(
    "update risk_compliance.audit_event set actor = 'mallory@example.com' where case_id = $1 and seq = 2 returning id, seq",
    [caseId],
  );
  await sara.reload();
  await expect(sara.getByText(`Audit chain broken at event #2 (row ${rows[0]!.id})`)).toBeVisible();
});
