import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { ServingChatModel } from "./serving-chat-model.ts";
import { workspaceClient } from "./workspace-client.ts";

let workspace: FakeWorkspace;
beforeAll(async () => {
  workspace = await startFakeWorkspace();
});
afterAll(async () => {
  await workspace.close();
});

const toolCallReply = {
  id: "chatcmpl_1",
  object: "chat.completion",
  created: 1755599000,
  model: "claude-sonnet-4-20250514",
  choices: [
    {
      index: 0,
      message: {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_87",
            type: "function",
            function: { name: "lookup_order", arguments: '{"orderId": "ORD-1234"}' },
          },
        ],
      },
      finish_reason: "tool_calls",
    },
  ],
  usage: { prompt_tokens: 682, completion_tokens: 15, total_tokens: 697 },
};

const lookupTool = {
  name: "lookup_order",
  description: "Look up an order by id",
  schema: z.object({ orderId: z.string() }),
};

function model(attempts = 3) {
  return new ServingChatModel({
    endpoint: "agents-llm",
    client: workspaceClient({ ...workspace, retry: { attempts, baseDelayMs: 1 } }),
  });
}

describe("ServingChatModel", () => {
  it("posts OpenAI-style messages and tools to /invocations with the M2M token and reads tool calls", async () => {
    workspace.replyWith(toolCallReply);
    const reply = await model()
      .bindTools([lookupTool])
      .invoke([
        new SystemMessage("You are a support agent."),
        new HumanMessage("Refund ORD-1234"),
        new AIMessage({
          content: "",
          tool_calls: [{ id: "call_0", name: "lookup_order", args: { orderId: "ORD-1" } }],
        }),
        new ToolMessage({ tool_call_id: "call_0", name: "lookup_order", content: '{"total": 5}' }),
      ]);
    expect(reply.tool_calls).toEqual([
      expect.objectContaining({ id: "call_87", name: "lookup_order", args: { orderId: "ORD-1234" } }),
    ]);
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 682, total_tokens: 697 });
    const call = workspace.seen.filter((r) => r.path === "/serving-endpoints/agents-llm/invocations").at(-1);
    expect(call?.authorization).toMatch(/^Bearer local-at-/);
    expect(call?.body).toMatchObject({
      messages: [
        { role: "system", content: "You are a support agent." },
        { role: "user", content: "Refund ORD-1234" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_0",
              type: "function",
              function: { name: "lookup_order", arguments: '{"orderId":"ORD-1"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_0", content: '{"total": 5}' },
      ],
      tools: [
        {
          type: "function",
          function: { name: "lookup_order", parameters: expect.objectContaining({ type: "object" }) },
        },
      ],
      tool_choice: "auto",
    });
    expect(
      workspace.seen.some((r) => r.path === "/oidc/v1/token" && r.authorization?.startsWith("Basic ")),
    ).toBe(true);
  });

  it("retries a 429 and a 503, then answers", async () => {
    workspace.fail("invocations", {
      status: 429,
      body: { error_code: "REQUEST_LIMIT_EXCEEDED", message: "Slow down" },
    });
    workspace.fail("invocations", {
      status: 503,
      body: { error_code: "TEMPORARILY_UNAVAILABLE", message: "Scaling up" },
    });
    workspace.replyWith({
      ...toolCallReply,
      choices: [{ index: 0, message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }],
    });
    const before = workspace.seen.length;
    const reply = await model().invoke([new HumanMessage("hi")]);
    expect(reply.content).toBe("Hello");
    expect(workspace.seen.slice(before).filter((r) => r.path.endsWith("/invocations"))).toHaveLength(3);
  });

  it("gives up after its retries with the last error in words, and does not retry a 500", async () => {
    for (let i = 0; i < 3; i += 1) {
      workspace.fail("invocations", {
        status: 503,
        body: { error_code: "TEMPORARILY_UNAVAILABLE", message: "Scaling up" },
      });
    }
    await expect(model().invoke([new HumanMessage("hi")])).rejects.toThrow(
      "Serving endpoint agents-llm failed (HTTP 503 TEMPORARILY_UNAVAILABLE): still refused after 3 tries: Scaling up",
    );
    workspace.fail("invocations", {
      status: 500,
      body: { error_code: "INTERNAL_ERROR", message: "Model crashed" },
    });
    const before = workspace.seen.length;
    await expect(model().invoke([new HumanMessage("hi")])).rejects.toThrow(
      "Serving endpoint agents-llm failed (HTTP 500 INTERNAL_ERROR): Model crashed",
    );
    expect(workspace.seen.slice(before).filter((r) => r.path.endsWith("/invocations"))).toHaveLength(1);
  });

  it("does not retry a 400 and quotes the wrapped model error", async () => {
    workspace.fail("invocations", {
      status: 400,
      body: {
        error: "Received error from databricks-model-serving",
        external_model_message: {
          error_code: "INVALID_PARAMETER_VALUE",
          message: "Missing required parameter: 'parameters'",
        },
      },
    });
    const before = workspace.seen.length;
    await expect(model().invoke([new HumanMessage("hi")])).rejects.toThrow(
      "(HTTP 400 INVALID_PARAMETER_VALUE): Missing required parameter: 'parameters'",
    );
    expect(workspace.seen.slice(before).filter((r) => r.path.endsWith("/invocations"))).toHaveLength(1);
  });

  it("names the credentials when the token is refused", async () => {
    const wrong = new ServingChatModel({
      endpoint: "agents-llm",
      client: workspaceClient({
        host: workspace.host,
        clientId: "app-client",
        clientSecret: "wrong",
        retry: { attempts: 1 },
      }),
    });
    await expect(wrong.invoke([new HumanMessage("hi")])).rejects.toThrow(
      /DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET/,
    );
  });

  it("an answer that is not a chat completion says to bind a chat endpoint", async () => {
    workspace.replyWith({ predictions: [[0.1, 0.2]] });
    await expect(model().invoke([new HumanMessage("hi")])).rejects.toThrow(/bind a chat endpoint/);
  });
});
