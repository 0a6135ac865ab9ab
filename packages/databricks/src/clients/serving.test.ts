import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import {
  chatCompletion,
  embeddingsResponse,
  type FakeWorkspace,
  rateLimited,
  servingRoutes,
  startFakeWorkspace,
} from "../testing/index.ts";
import { serving } from "./serving.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const routes = servingRoutes({
  endpoints: {
    chat: (body) =>
      Array.isArray(body.tools)
        ? chatCompletion({ toolCalls: [{ name: "get_weather", arguments: { city: "Tokyo" } }] })
        : chatCompletion({ content: "Hello" }),
    embed: (body) => embeddingsResponse((body.input as string[]).map((text) => [text.length, 1])),
  },
});

describe("serving", () => {
  it("returns a chat completion, passing tools through", async () => {
    fake = await startFakeWorkspace({ routes });
    const api = serving(clientFor(fake).client);
    expect(
      (await api.chat("chat", { messages: [{ role: "user", content: "hi" }] })).choices[0]?.message.content,
    ).toBe("Hello");
    const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object" } } }];
    const called = await api.chat("chat", {
      messages: [{ role: "user", content: "weather?" }],
      tools,
      tool_choice: "auto",
    });
    expect(called.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: { tool_calls: [{ function: { name: "get_weather", arguments: '{"city":"Tokyo"}' } }] },
    });
  });

  it("embeds inputs in order and retries a 429", async () => {
    fake = await startFakeWorkspace({ routes });
    const { client, waits } = clientFor(fake);
    fake.inject("serving.invocations", rateLimited(1));
    expect(await serving(client).embed("embed", ["a", "abc"])).toEqual([
      [1, 1],
      [3, 1],
    ]);
    expect(waits).toEqual([1000]);
  });

  it("names a missing endpoint, and does not retry a failed turn (500)", async () => {
    fake = await startFakeWorkspace({ routes });
    const api = serving(clientFor(fake).client);
    await expect(api.chat("nope", { messages: [] })).rejects.toThrow(
      /Endpoint with name 'nope' does not exist/,
    );
    fake.inject("serving.invocations", {
      status: 500,
      body: { error_code: "INTERNAL_ERROR", message: "Model crashed" },
    });
    await expect(api.chat("chat", { messages: [] })).rejects.toThrow(
      "Serving endpoint chat failed (HTTP 500 INTERNAL_ERROR): Model crashed",
    );
    expect(fake.calls("serving.invocations")).toBe(2);
  });

  it("retries a chat turn refused with 503 (a completion changes nothing)", async () => {
    fake = await startFakeWorkspace({ routes });
    const { client, waits } = clientFor(fake);
    fake.inject("serving.invocations", {
      status: 503,
      body: { error_code: "TEMPORARILY_UNAVAILABLE", message: "Scaling up" },
    });
    expect((await serving(client).chat("chat", { messages: [] })).choices[0]?.message.content).toBe("Hello");
    expect(waits).toHaveLength(1);
  });
});
