import { describeHostileInput } from "@appbase/next-kit/hostile-input";
import { vi } from "vitest";
import kit from "../../kit.ts";
import { createTestDatabase } from "../testing/test-database.ts";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", async () => (await import("@appbase/next-kit/test-headers")).testNextHeaders);

const customerId = "C0000001";
const requestId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
const noteId = "0b6a1f8e-2c3d-4e5f-9a8b-7c6d5e4f3a2b";

describeHostileInput(kit, new URL("..", import.meta.url), {
  database: createTestDatabase,
  examples: {
    addNoteAction: [{ customerId, body: "Called about renewal.", requestId }],
    editNoteAction: [{ customerId, noteId, body: "Renewal agreed.", expectedVersion: 1 }],
    deleteNoteAction: [{ customerId, noteId, expectedVersion: 1 }],
    moveStatusAction: [
      { customerId, status: "contacted", expectedVersion: 1 },
      // A customer never moved has no workflow row: the form sends version 0.
      { customerId, status: "contacted", expectedVersion: 0 },
    ],
    createTaskAction: [
      {
        customerId,
        title: "Send the renewal offer",
        assigneeEmail: "ann.manager@example.com",
        dueDate: "2026-12-15",
        requestId,
      },
    ],
    completeTaskAction: [{ customerId, taskId: noteId, expectedVersion: 1 }],
    askGenieAction: [{ question: "Which segments churn most?" }],
    prepareStatusMigrationAction: [
      { from: "new", to: "contacted", segment: "vip", churnRiskBand: "high", note: "Spring campaign" },
    ],
    applyStatusMigrationAction: [{ branch: "customer-hub-preview-0a1b2c3d" }],
    discardStatusMigrationAction: [{ branch: "customer-hub-preview-0a1b2c3d" }],
    recordConsentAction: [
      {
        customerId,
        purpose: "marketing",
        granted: false,
        reason: "Asked by phone to stop emails",
        requestId,
      },
    ],
    "GET /api/customers": [{ q: "ann", page: "1" }],
  },
});
