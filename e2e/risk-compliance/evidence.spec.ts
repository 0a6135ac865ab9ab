import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2eStateDir } from "../shared/kits.ts";
import { actAs, escalateToCase, raiseStructuringAlert, riskDatabase } from "./support/risk.ts";

// Evidence files: uploaded on a case (at most 700 KB), stored in the local folder (no volume bound
// here) under their SHA-256, which the case shows; the audit chain records the upload.
const db = riskDatabase();
test.afterAll(() => db.end());

test("an analyst uploads a file to a case: stored locally, its SHA-256 shown; a file over 700 KB is refused", async ({
  page,
  baseURL,
}) => {
  await actAs(page, "ana", baseURL!);
  const alertId = await raiseStructuringAlert(db);
  await page.goto(`/alerts/${alertId}`);
  const policies = page.getByRole("complementary", { name: "Relevant policies" });
  await expect(policies.locator("li strong").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("alert-with-relevant-policies.png"), fullPage: true });

  const caseId = await escalateToCase(page, alertId, "high");
  const statement = Buffer.from(
    "date,branch,amount\n2026-11-02,Leeds,9900\n2026-11-02,York,9900\n2026-11-03,Hull,9900\n",
  );
  const sha256 = createHash("sha256").update(statement).digest("hex");
  const upload = page.getByRole("form", { name: "Upload evidence file" });
  await upload.getByLabel("File title").fill("Branch deposits, November");
  await upload.getByLabel(/^File \(at most 700 KB\)/).setInputFiles({
    name: "deposits.csv",
    mimeType: "text/csv",
    buffer: statement,
  });
  await upload.getByRole("button", { name: "Upload file" }).click();
  await expect(upload.getByRole("status")).toHaveText(`Stored (local), sha256 ${sha256}`);
  await expect(page.getByText(`sha256 ${sha256}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evidence (1)" })).toBeVisible();

  const { rows } = await db.query<{ kind: string; sha256: string; storage: string; storage_path: string }>(
    "select kind, sha256, storage, storage_path from risk_compliance.evidence where case_id = $1",
    [caseId],
  );
  expect(rows).toEqual([expect.objectContaining({ kind: "file", sha256, storage: "local" })]);
  // The bytes are in the state folder's evidence/ (beside the local lakehouse), as uploaded.
  const stateDir = process.env.APPBASE_STATE_DIR ?? e2eStateDir;
  const stored = readFileSync(join(stateDir, "evidence", "risk-compliance", rows[0]!.storage_path));
  expect(createHash("sha256").update(stored).digest("hex")).toBe(sha256);

  // Over the limit: refused in the form, nothing stored.
  await upload.getByLabel(/^File \(at most 700 KB\)/).setInputFiles({
    name: "too-big.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.alloc(700 * 1024 + 1, 1),
  });
  await upload.getByRole("button", { name: "Upload file" }).click();
  await expect(upload.getByText("Files may be at most 700 KB.")).toBeVisible();
  const count = await db.query("select count(*)::int as n from risk_compliance.evidence where case_id = $1", [
    caseId,
  ]);
  expect(count.rows[0].n).toBe(1);

  // The upload is an audit event and the chain still verifies.
  await page.reload();
  await expect(page.getByText(/Audit chain verified/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("case-with-evidence-and-audit.png"), fullPage: true });
});
