import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { Command, END, interrupt, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { diffCheckpoints } from "./checkpoint-diff.ts";
import { loadThreadCheckpoints } from "./thread-checkpoints.ts";
import { buildTimeline, readTimeline } from "./timeline.ts";

let database: TestDatabase;
let programPool: pg.Pool;
let saver: PostgresSaver;
beforeAll(async () => {
  database = await createTestDatabase();
  // On the embedded PGlite, a subgraph's first read runs while the parent's checkpoint write is in
  // flight, and pglite-socket then loses the unnamed prepared statement (the single backend interleaves
  // the two connections' extended-protocol messages). One connection keeps the program's queries in order.
  programPool = new pg.Pool({ connectionString: database.url, max: database.mode === "embedded" ? 1 : 10 });
  // The saver's default schema (public): this program knows nothing of the kit or its schemas.
  saver = new PostgresSaver(programPool);
  await saver.setup();
});
afterAll(async () => {
  await programPool.end();
  await database.close();
});

/**
 * A plain LangGraph program: a model node asking for two weather lookups, a human review through
 * interrupt(), a ToolNode (one lookup fails), and a "digest" subgraph of two nodes at the end.
 */
function weatherProgram() {
  const weather = tool(
    async ({ city }) => {
      if (city === "Atlantis") throw new Error("no such city");
      return `sunny in ${city}`;
    },
    { name: "weather", description: "Weather for a city", schema: z.object({ city: z.string() }) },
  );
  const digest = new StateGraph(MessagesAnnotation)
    .addNode("summarize", (s) => ({
      messages: [new AIMessage(`Summary of ${s.messages.length} messages.`)],
    }))
    .addNode("check", () => ({ messages: [new AIMessage("Checked.")] }))
    .addEdge(START, "summarize")
    .addEdge("summarize", "check")
    .addEdge("check", END)
    .compile();
  return new StateGraph(MessagesAnnotation)
    .addNode("model", (s) => {
      if (s.messages.some((m) => m.getType() === "tool")) {
        return { messages: [new AIMessage("Oslo is sunny; Atlantis is unknown.")] };
      }
      return {
        messages: [
          new AIMessage({
            content: "Checking the weather.",
            tool_calls: [
              { id: "c1", name: "weather", args: { city: "Oslo" } },
              { id: "c2", name: "weather", args: { city: "Atlantis" } },
            ],
          }),
        ],
      };
    })
    .addNode("review", () => {
      interrupt({ question: "Run 2 weather lookups?" });
      return {};
    })
    .addNode("tools", new ToolNode([weather], { handleToolErrors: true }))
    .addNode("digest", digest)
    .addEdge(START, "model")
    .addConditionalEdges("model", (s) =>
      (s.messages.at(-1) as AIMessage).tool_calls?.length ? "review" : "digest",
    )
    .addEdge("review", "tools")
    .addEdge("tools", "model")
    .addEdge("digest", END)
    .compile({ checkpointer: saver });
}

describe("timeline of a plain LangGraph program that knows nothing of this kit", () => {
  const config = { configurable: { thread_id: "plain-weather" } };

  it("shows the pause for review while the thread waits", async () => {
    await weatherProgram().invoke({ messages: [new HumanMessage("Weather in Oslo and Atlantis?")] }, config);
    const timeline = await readTimeline(saver, "plain-weather");
    expect(timeline.awaitingResume).toBe(true);
    expect(timeline.steps.map((s) => [s.nodes, s.checkpointId === null])).toEqual([
      [["__start__"], false],
      [["model"], false],
      [[], true],
    ]);
    expect(timeline.steps.at(-1)?.entries).toEqual([
      { kind: "interrupt", interruptId: expect.any(String), value: { question: "Run 2 weather lookups?" } },
    ]);
    // Requested but not run: each call shows once, pending, where the model asked for it.
    expect(timeline.toolCalls.map((c) => [c.id, c.status])).toEqual([
      ["c1", "pending"],
      ["c2", "pending"],
    ]);
  });

  it("after the resume: every message, tool call with result, interrupt, resume and subgraph step", async () => {
    await weatherProgram().invoke(new Command({ resume: { approved: true, reviewer: "alice" } }), config);
    const timeline = await readTimeline(
      saver,
      "plain-weather",
      new Map([["c1", { durationMs: 12, startedAt: "2026-01-02T03:04:05.000Z" }]]),
    );
    expect(timeline.awaitingResume).toBe(false);
    const message = (role: string, text: string, requested: string[] = []) => ({
      kind: "message",
      role,
      messageId: expect.any(String),
      text,
      requested,
      edited: false,
    });
    const oslo = {
      id: "c1",
      name: "weather",
      args: { city: "Oslo" },
      requestedArgs: null,
      result: "sunny in Oslo",
      status: "ok",
      durationMs: 12,
      startedAt: "2026-01-02T03:04:05.000Z",
    };
    const atlantis = {
      id: "c2",
      name: "weather",
      args: { city: "Atlantis" },
      requestedArgs: null,
      result: expect.stringContaining("no such city"),
      status: "error",
      durationMs: null,
      startedAt: null,
    };
    expect(timeline.entries).toEqual([
      message("human", "Weather in Oslo and Atlantis?"),
      message("ai", "Checking the weather.", ["weather", "weather"]),
      { kind: "interrupt", interruptId: expect.any(String), value: { question: "Run 2 weather lookups?" } },
      { kind: "resume", value: { approved: true, reviewer: "alice" } },
      { kind: "tool-call", call: oslo },
      { kind: "tool-call", call: atlantis },
      message("ai", "Oslo is sunny; Atlantis is unknown."),
      message("ai", "Summary of 5 messages."),
      message("ai", "Checked."),
    ]);
    expect(timeline.toolCalls).toEqual([oslo, atlantis]);

    // Root steps in order; the subgraph's steps are nested under the step that ran it, not repeated.
    expect(timeline.steps.map((s) => s.nodes)).toEqual([
      ["__start__"],
      ["model"],
      ["review"],
      ["tools"],
      ["model"],
      ["digest"],
    ]);
    const digestStep = timeline.steps.at(-1);
    expect(digestStep?.entries).toEqual([]);
    expect(digestStep?.subgraphs.map((g) => [g.node, g.namespace.startsWith("digest:")])).toEqual([
      ["digest", true],
    ]);
    expect(
      digestStep?.subgraphs[0]?.steps.map((s) => [
        s.nodes,
        s.entries.map((e) => e.kind === "message" && e.text),
      ]),
    ).toEqual([
      [["summarize"], ["Summary of 5 messages."]],
      [["check"], ["Checked."]],
    ]);
    // The checkpoint list covers both namespaces: 7 root checkpoints (input + 6 steps), 4 in the subgraph.
    expect(timeline.checkpoints.filter((c) => c.depth === 0)).toHaveLength(7);
    expect(timeline.checkpoints.filter((c) => c.depth === 1).map((c) => c.step)).toEqual([-1, 0, 1, 2]);
  });

  it("diffs two of its checkpoints: the tool results appended between the model's request and the tools step", async () => {
    const checkpoints = await loadThreadCheckpoints(saver, "plain-weather");
    const root = checkpoints.filter((c) => c.namespace === "");
    const afterModel = root.find((c) => c.step === 1);
    const afterTools = root.find((c) => c.step === 3);
    if (!afterModel || !afterTools) throw new Error("expected checkpoints at steps 1 and 3");
    const diff = diffCheckpoints(afterModel.values, afterTools.values);
    const state = diff.channels.filter((c) => !c.internal);
    expect(state).toHaveLength(1);
    const messages = state[0];
    if (messages?.kind !== "messages") throw new Error(`expected a messages diff, got ${messages?.kind}`);
    expect(messages.appended.map((m) => [m.role, m.toolCallId, m.status, m.text.split("\n")[0]])).toEqual([
      ["tool", "c1", "success", "sunny in Oslo"],
      ["tool", "c2", "error", expect.stringContaining("no such city")],
    ]);
    expect(messages.removed).toEqual([]);
    expect(messages.edited).toEqual([]);
    // And the same checkpoints rebuilt in memory give the same timeline as reading them again.
    expect(buildTimeline("plain-weather", checkpoints)).toEqual(await readTimeline(saver, "plain-weather"));
  });

  it("an unknown thread has an empty timeline", async () => {
    const timeline = await readTimeline(saver, "no-such-thread");
    expect(timeline).toMatchObject({
      steps: [],
      entries: [],
      toolCalls: [],
      checkpoints: [],
      awaitingResume: false,
    });
  });
});

describe("timeline of edited and failed runs", () => {
  it("shows the arguments a tool ran with after a reviewer's edit, and what the model asked for", async () => {
    const refund = tool(async ({ amount }) => `refunded ${amount}`, {
      name: "refund",
      description: "Refund",
      schema: z.object({ amount: z.number() }),
    });
    const graph = new StateGraph(MessagesAnnotation)
      .addNode("model", (s) =>
        s.messages.some((m) => m.getType() === "tool")
          ? { messages: [new AIMessage("Done.")] }
          : {
              messages: [
                new AIMessage({
                  id: "ask-1",
                  content: "Refunding 40.",
                  tool_calls: [{ id: "r1", name: "refund", args: { amount: 40 } }],
                }),
              ],
            },
      )
      .addNode("review", (s) => {
        const { amount } = interrupt({ proposed: 40 }) as { amount: number };
        const ask = s.messages.at(-1) as AIMessage;
        // Same message id: the add-messages reducer replaces the request with the edited one.
        return {
          messages: [
            new AIMessage({
              id: ask.id,
              content: ask.content,
              tool_calls: [{ id: "r1", name: "refund", args: { amount } }],
            }),
          ],
        };
      })
      .addNode("tools", new ToolNode([refund]))
      .addEdge(START, "model")
      .addConditionalEdges("model", (s) =>
        (s.messages.at(-1) as AIMessage).tool_calls?.length ? "review" : END,
      )
      .addEdge("review", "tools")
      .addEdge("tools", "model")
      .compile({ checkpointer: saver });
    const config = { configurable: { thread_id: "plain-edit" } };
    await graph.invoke({ messages: [new HumanMessage("Refund me")] }, config);
    await graph.invoke(new Command({ resume: { amount: 25 } }), config);

    const timeline = await readTimeline(saver, "plain-edit");
    expect(timeline.toolCalls).toEqual([
      expect.objectContaining({
        id: "r1",
        args: { amount: 25 },
        requestedArgs: { amount: 40 },
        result: "refunded 25",
      }),
    ]);
    const review = timeline.steps.find((s) => s.nodes.includes("review"));
    expect(review?.entries.map((e) => e.kind)).toEqual(["interrupt", "resume", "message"]);
    expect(review?.entries[2]).toMatchObject({ kind: "message", edited: true, messageId: "ask-1" });
  });

  it("shows the error of a node that failed, as an unfinished step", async () => {
    const graph = new StateGraph(MessagesAnnotation)
      .addNode("model", () => {
        throw new Error("model endpoint returned 503");
      })
      .addEdge(START, "model")
      .addEdge("model", END)
      .compile({ checkpointer: saver });
    await expect(
      graph.invoke(
        { messages: [new HumanMessage("Hello")] },
        { configurable: { thread_id: "plain-failed" } },
      ),
    ).rejects.toThrow("503");
    const timeline = await readTimeline(saver, "plain-failed");
    const last = timeline.steps.at(-1);
    expect(last?.checkpointId).toBeNull();
    expect(last?.entries).toEqual([{ kind: "error", message: "model endpoint returned 503" }]);
    expect(timeline.awaitingResume).toBe(false);
  });
});
