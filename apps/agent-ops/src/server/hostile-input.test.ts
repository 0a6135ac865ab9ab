import { describeHostileInput } from "@appbase/next-kit/hostile-input";
import { vi } from "vitest";
import kit from "../../kit.ts";
import { createTestDatabase } from "../testing/test-database.ts";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", async () => (await import("@appbase/next-kit/test-headers")).testNextHeaders);

const itemId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

describeHostileInput(kit, new URL("..", import.meta.url), {
  database: createTestDatabase,
  examples: {
    "POST /api/runs": [
      {
        idempotencyKey: "operations-portal:alert:6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
        agent: "maintenance-planner",
        request:
          "Plan maintenance for asset AS000001: alert 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b (health below 40).",
        requestedBy: "pia.planner@example.com",
      },
    ],
    saveToolAction: [
      {
        toolName: "lookup_order",
        description: "Looks up an order by its number.",
        reads: "commerce.orders",
        riskLevel: "low",
        enabled: true,
        expectedVersion: 0,
      },
    ],
    saveAgentDefinitionAction: [
      {
        agentId: "risk-triage",
        title: "Risk triage",
        description: "Triages flagged entities.",
        tools: "lookup_order",
        reviewRequired: true,
        enabled: true,
        expectedVersion: 0,
      },
    ],
    setRegistryEnabledAction: [
      { kind: "agent", id: "risk-triage", enabled: false, expectedVersion: 1 },
      { kind: "tool", id: "lookup_order", enabled: true, expectedVersion: 1 },
    ],
    claimReviewAction: [{ itemId }],
    decideReviewAction: [
      {
        itemId,
        expectedVersion: 1,
        decision: "edit",
        rationale: "Amount corrected",
        editedArgs: { orderId: "ORD-1" },
      },
    ],
    forkRunAction: [
      {
        threadId: "thread-1",
        checkpointId: "1ef4c2a0-0001",
        toolCallId: "call_1",
        result: '{"status":"refunded"}',
      },
    ],
    "GET /api/live": [{ thread: "thread-1" }],
    startRunAction: [{ agent: "customer-support", request: "Refund order ORD-1234, it arrived broken" }],
  },
});
