import { describeHostileInput } from "@appbase/next-kit/hostile-input";
import { vi } from "vitest";
import kit from "../../kit.ts";
import { createTestDatabase } from "../testing/test-database.ts";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", async () => (await import("@appbase/next-kit/test-headers")).testNextHeaders);

const alertId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
const workOrderId = "0b6a1f8e-2c3d-4e5f-9a8b-7c6d5e4f3a2b";
const requestId = "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a";
const branch = "operations-portal-preview-0a1b2c3d";

describeHostileInput(kit, new URL("..", import.meta.url), {
  database: createTestDatabase,
  examples: {
    handAlertToAgentAction: [{ alertId }],
    "POST /api/intake/work-orders": [
      {
        idempotencyKey: "thread-handoff-1:call_work_order_1",
        threadId: "thread-handoff-1",
        alertId,
        assetId: "AS000001",
        title: "Inspect pump AS000001",
        priority: "high",
      },
    ],
    claimAlertAction: [{ alertId }],
    releaseAlertAction: [{ alertId, expectedVersion: 2 }],
    acknowledgeAlertAction: [{ alertId, expectedVersion: 2, note: "Checked on site" }],
    dismissAlertAction: [{ alertId, expectedVersion: 2, reason: "Sensor recalibrated" }],
    openWorkOrderFromAlertAction: [
      {
        alertId,
        expectedVersion: 2,
        title: "Inspect pump",
        priority: "high",
        assigneeId: "t.nguyen",
        requestId,
      },
    ],
    generatePreventiveAction: [{}],
    prepareSiteChangeAction: [
      {
        kind: "reassign",
        siteId: "SITE001",
        fromAssigneeId: "t.nguyen",
        toAssigneeId: "m.garcia",
        note: "Leave",
      },
      { kind: "reschedule", siteId: "SITE001", days: 7, note: "Shutdown week" },
    ],
    applySiteChangeAction: [{ branch }],
    discardSiteChangeAction: [{ branch }],
    createWorkOrderAction: [
      {
        assetId: "AS000123",
        title: "Replace seal",
        description: "Leaking at the flange",
        priority: "medium",
        assigneeId: "",
        requestId,
      },
    ],
    moveWorkOrderAction: [
      { workOrderId, status: "in_progress", reason: "Parts arrived", expectedVersion: 1 },
    ],
    assignWorkOrderAction: [{ workOrderId, assigneeId: "t.nguyen", expectedVersion: 1 }],
    reprioritizeWorkOrderAction: [{ workOrderId, priority: "low", expectedVersion: 1 }],
    setChecklistStepAction: [{ workOrderId, stepId: requestId, done: true }],
    recordWorkAction: [
      { entry: "part", workOrderId, requestId, partNumber: "SEAL-42", quantity: 2, note: "From stores" },
      { entry: "time", workOrderId, requestId, minutes: 45, note: "" },
    ],
  },
});
