import { type Browser, expect, type Page, test } from "@playwright/test";
import { actAs, escalateToCase, raiseStructuringAlert, riskDatabase } from "./support/risk.ts";

// Case reviews on a branch of the local Lakebase: a senior reviewer works a set of cases on the
// branch (main untouched), then applies the decisions (replayed on main, a case that moved on main
// meanwhile is listed and left alone) or discards the branch (main unchanged).
const db = riskDatabase();
test.afterAll(() => db.end());

const caseRow = (id: string) =>
  db
    .query<{ status: string; version: number; number: number }>(
      "select status, version, number from risk_compliance.risk_case where id = $1",
      [id],
    )
    .then((r) => r.rows[0]!);

// A decision on the branch re-reads the review's cases and row diff from the branch; applying replays
// on main and deletes the branch. Seconds on an idle machine, far longer on two busy cores.
const BRANCH_WORK_MS = 90_000;

/** Ana (an analyst, who escalates the cases) and Sara (the senior reviewer), each in her own browser context. */
async function analystAndReviewer(browser: Browser, baseURL: string) {
  const ana = await (await browser.newContext()).newPage();
  const sara = await (await browser.newContext()).newPage();
  await actAs(ana, "ana", baseURL);
  await actAs(sara, "sara", baseURL);
  return { ana, sara };
}

/** Opens a review of `caseIds` on /reviews and returns the review page's branch. */
async function openReview(page: Page, caseIds: string[]): Promise<string> {
  await page.goto("/reviews");
  const form = page.getByRole("form", { name: "Open a review branch" });
  for (const id of caseIds) await form.locator(`input[name="caseId"][value="${id}"]`).check();
  await form.getByRole("button", { name: "Open review branch" }).click();
  // The local branch is a copy of the data folder: seconds to a minute on a busy machine.
  await page.waitForURL(/\/reviews\/[a-z0-9-]+$/, { timeout: 150_000 });
  return page.url().split("/reviews/")[1]!;
}

/** Makes `move` on the branch for the case shown in the review card `caseId`. */
async function decideOnBranch(page: Page, caseId: string, move: string, decisionsAfter: number) {
  const card = page.locator(`[data-review-case="${caseId}"]`);
  const form = card.getByRole("form", { name: "Decide on branch" });
  await form.getByLabel("Move").selectOption(move);
  await form.getByRole("button", { name: "Decide on branch" }).click();
  await expect(
    page.getByRole("heading", { name: `Decisions on this branch (${decisionsAfter})` }),
  ).toBeVisible({ timeout: BRANCH_WORK_MS });
}

test("a senior reviewer works two cases on a branch and applies: one replayed on main, the one moved on main meanwhile left alone", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const { ana, sara } = await analystAndReviewer(browser, baseURL!);
  const first = await escalateToCase(ana, await raiseStructuringAlert(db));
  const second = await escalateToCase(ana, await raiseStructuringAlert(db));

  const branch = await openReview(sara, [first, second]);
  await expect(sara.locator(`[data-review-case="${first}"]`)).toContainText("On the branch: New");
  await decideOnBranch(sara, first, "start", 1);
  await decideOnBranch(sara, second, "start", 2);
  await expect(sara.locator(`[data-review-case="${first}"]`)).toContainText("On the branch: Investigating");
  // Main has not moved: the decisions live on the branch, and its diff shows them.
  expect((await caseRow(first)).status).toBe("new");
  await expect(sara.getByRole("region", { name: "Diff against main" })).toContainText(
    String((await caseRow(first)).number),
  );
  await sara.screenshot({ path: test.info().outputPath("review-on-branch.png"), fullPage: true });

  // Ana moves the second case on main before the review is applied.
  await ana.goto(`/cases/${second}`);
  const move = ana.getByRole("form", { name: "Apply" });
  await move.getByLabel("Move").selectOption("start");
  await move.getByRole("button", { name: "Apply" }).click();
  await expect(ana.getByText("Investigating", { exact: true })).toBeVisible();
  const secondOnMain = await caseRow(second);

  await sara.getByRole("button", { name: "Apply 2 decision(s) to main" }).click();
  const outcome = sara.locator("[data-preview-applied]");
  await expect(outcome).toContainText("Applied 1 decision(s) on main; the branch is deleted.", {
    timeout: BRANCH_WORK_MS,
  });
  await expect(outcome.locator("[data-conflict]")).toContainText(`${second} (start)`);
  expect(await caseRow(first)).toMatchObject({ status: "investigating" });
  expect(await caseRow(second)).toEqual(secondOnMain);

  // The replayed decision is in the case's audit chain, which still verifies.
  await sara.goto(`/cases/${first}`);
  await expect(sara.getByText("Investigating", { exact: true })).toBeVisible();
  await expect(sara.getByText(/Audit chain verified/)).toBeVisible();
  await sara.goto(`/reviews/${branch}`);
  await expect(sara.getByText("No such review")).toBeVisible();
});

test("a review discarded after a decision leaves main as it was; an analyst cannot open reviews", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const { ana, sara } = await analystAndReviewer(browser, baseURL!);
  const caseId = await escalateToCase(ana, await raiseStructuringAlert(db));
  const before = await caseRow(caseId);

  const branch = await openReview(sara, [caseId]);
  await decideOnBranch(sara, caseId, "start", 1);
  await sara.getByRole("button", { name: "Discard" }).click();
  await expect(sara.locator("[data-preview-discarded]")).toContainText("main is unchanged", {
    timeout: BRANCH_WORK_MS,
  });
  expect(await caseRow(caseId)).toEqual(before);
  await sara.goto("/reviews");
  await expect(sara.getByRole("region", { name: "Open reviews" })).not.toContainText(branch);

  await ana.goto("/reviews");
  await expect(ana.getByRole("form", { name: "Open a review branch" })).toHaveCount(0);
});
