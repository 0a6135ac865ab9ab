import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completionWithTokens,
  type FakeWorkspace,
  startFakeWorkspace,
} from "../../testing/fake-workspace.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { servingAgentModel } from "../agents/agent-model.ts";
import { ServingChatModel } from "../agents/serving-chat-model.ts";
import { workspaceClient } from "../agents/workspace-client.ts";
import { startAgentRun } from "../runs/runs.ts";
import { usageByDay } from "./model-usage.ts";
import { gatewaySettings, readPlatformUsage } from "./platform-usage.ts";

const gateway = {
  usage_tracking_config: { enabled: true },
  inference_table_config: {
    enabled: true,
    catalog_name: "ml",
    schema_name: "agents",
    table_name_prefix: "llm",
  },
  rate_limits: [{ calls: 3, key: "user", renewal_period: "minute" }],
  guardrails: { input: { safety: true, pii: { behavior: "BLOCK" } } },
};

let database: TestDatabase;
let workspace: FakeWorkspace;
beforeAll(async () => {
  [database, workspace] = await Promise.all([
    createServedDataDatabase(),
    startFakeWorkspace({ clientId: "agents-app", gateway }),
  ]);
});
afterAll(async () => {
  await workspace.close();
  await database.close();
});

// No client retries: a request the gateway refuses reaches the run once, as one failed call.
const client = () => workspaceClient({ ...workspace, retry: { attempts: 1 } });
describe("usage of a served-model run, from the app's records and from the platform", () => {
  it("both count the requests made, with the token counts the endpoint reported; the gateway's refusal is a 429", async () => {
    const model = servingAgentModel(new ServingChatModel({ endpoint: "agents-llm", client: client() }));
    // Three requests with known tokens, then a fourth the gateway's limit (3 a minute per caller) refuses.
    const sent = [
      [120, 17],
      [180, 9],
      [95, 6],
    ] as const;
    workspace.replyWith(
      completionWithTokens(
        { toolCalls: [{ name: "lookup_order", arguments: { orderId: "ORD-5553" } }] },
        sent[0],
      ),
    );
    workspace.replyWith(completionWithTokens({ content: "ORD-5553 is on its way." }, sent[1]));
    workspace.replyWith(completionWithTokens({ content: "Nothing to refund." }, sent[2]));
    const runs = [];
    for (const request of ["Where is ORD-5553?", "Refund nothing", "Refund ORD-5554"]) {
      runs.push(
        await startAgentRun(database.pool, {
          agent: "customer-support",
          request,
          startedBy: "ivy@example.com",
          model,
        }),
      );
    }
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "failed"]);
    const requests = workspace.seen.filter((r) => r.route === "serving.invocations").length;
    expect(requests).toBe(4);
    const input = sent.reduce((sum, [i]) => sum + i, 0);
    const output = sent.reduce((sum, [, o]) => sum + o, 0);

    const [app] = await usageByDay(database.pool, null);
    expect(app).toMatchObject({ calls: requests, errors: 1, inputTokens: input, outputTokens: output });

    const platform = await readPlatformUsage(
      { client: client(), endpoint: "agents-llm", warehouseId: "wh-1" },
      null,
    );
    expect(platform.gateway).toEqual({
      state: "read",
      settings: {
        usageTracking: true,
        inferenceTable: "ml.agents.llm_payload",
        rateLimits: ["3 calls per minute per user"],
        guardrails: ["input: safety filter", "input: PII block"],
      },
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(platform.usage).toEqual({
      state: "read",
      table: "system.serving.endpoint_usage",
      rows: [
        // The requester is the app's service principal: the app calls the endpoint as itself.
        {
          day: today,
          requester: "agents-app",
          statusCode: 200,
          requests: 3,
          inputTokens: input,
          outputTokens: output,
        },
        {
          day: today,
          requester: "agents-app",
          statusCode: 429,
          requests: 1,
          inputTokens: 0,
          outputTokens: 0,
        },
      ],
    });
    expect(platform.latency).toMatchObject({
      state: "read",
      table: "ml.agents.llm_payload",
      rows: [{ day: today, requests }],
    });
  });

  it("says what is not enabled or not bound, and what failed, instead of showing nothing", async () => {
    expect(gatewaySettings("e", undefined)).toEqual({
      usageTracking: false,
      inferenceTable: null,
      rateLimits: [],
      guardrails: [],
    });
    const unbound = await readPlatformUsage(
      { client: client(), endpoint: "agents-llm", warehouseId: undefined },
      new Date(),
    );
    expect(unbound.usage).toEqual({ state: "off", why: expect.stringContaining("DATABRICKS_WAREHOUSE_ID") });
    const missing = await readPlatformUsage(
      { client: client(), endpoint: "no-such-endpoint", warehouseId: "wh-1" },
      null,
    );
    expect(missing.gateway).toEqual({
      state: "failed",
      error: expect.stringContaining("Endpoint with name 'no-such-endpoint' does not exist."),
    });
    expect(missing.usage).toEqual({ state: "off", why: "the endpoint's settings could not be read" });
  });
});
