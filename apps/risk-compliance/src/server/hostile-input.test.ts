import { describeHostileInput } from "@appbase/next-kit/hostile-input";
import { vi } from "vitest";
import kit from "../../kit.ts";
import { createTestDatabase } from "../testing/test-database.ts";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", async () => (await import("@appbase/next-kit/test-headers")).testNextHeaders);

const alertId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
const caseId = "0b6a1f8e-2c3d-4e5f-9a8b-7c6d5e4f3a2b";
const items = [{ id: alertId, version: 1 }];
const branch = "risk-compliance-preview-0a1b2c3d";

describeHostileInput(kit, new URL("..", import.meta.url), {
  database: createTestDatabase,
  examples: {
    claimAlertAction: [{ alertId }],
    snoozeAlertAction: [{ alertId, expectedVersion: 1, days: 3, reason: "Waiting for the customer's reply" }],
    escalateAlertAction: [{ alertId, expectedVersion: 1, riskLevel: "high", title: "Structuring pattern" }],
    bulkAssignAlertsAction: [{ items, assignee: "ben.analyst@example.com" }],
    bulkDismissAlertsAction: [{ items, resolution: "benign", note: "Known payroll pattern" }],
    exportAuditAction: [{}],
    moveCaseAction: [
      { caseId, expectedVersion: 1, move: "start", disposition: "no_action", note: "Starting" },
    ],
    addFileAction: [
      {
        caseId,
        expectedVersion: 1,
        title: "Bank statement",
        fileName: "statement.pdf",
        contentType: "application/pdf",
        content: Buffer.from("%PDF-1.4 statement").toString("base64"),
      },
    ],
    addNoteAction: [{ caseId, expectedVersion: 1, title: "Call notes", text: "The customer explained it." }],
    openReviewAction: [{ caseIds: [caseId] }],
    decideInReviewAction: [
      { branch, caseId, expectedVersion: 1, move: "close", disposition: "no_action", note: "Reviewed" },
    ],
    applyReviewAction: [{ branch }],
    discardReviewAction: [{ branch }],
    "POST /api/intake/triage": [
      {
        idempotencyKey: "thread-1:call_triage_E0000001",
        sourceKit: "agent-ops",
        threadId: "thread-1",
        entityId: "E0000001",
        action: "escalate",
        alertIds: ["A0000001"],
        reason: "High risk with a severe open alert",
      },
    ],
    publishPolicyAction: [
      {
        policyId: "POL-0007",
        version: "3.1",
        effectiveDate: "2026-12-01",
        body: "Transfers above the threshold are reviewed within two days.",
      },
    ],
  },
});
