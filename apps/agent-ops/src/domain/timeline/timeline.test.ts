import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { checkpointerFor } from "../runs/checkpointer.ts";
import { readTimeline } from "./timeline.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("readTimeline", () => {
  it("reconstructs a thread written by a plain LangGraph program that knows nothing of this kit", async () => {
    // A stock ReAct-shaped graph: a fake model node that calls a weather tool twice, then answers.
    const weather = tool(
      async ({ city }) =>
        city === "Atlantis" ? Promise.reject(new Error("no such city")) : `sunny in ${city}`,
      {
        name: "weather",
        description: "Weather for a city",
        schema: z.object({ city: z.string() }),
      },
    );
    let turn = 0;
    const graph = new StateGraph(MessagesAnnotation)
      .addNode("model", () => {
        turn += 1;
        if (turn === 1) {
          return {
            messages: [
              new AIMessage({
                content: "",
                tool_calls: [
                  { id: "c1", name: "weather", args: { city: "Oslo" } },
                  { id: "c2", name: "weather", args: { city: "Atlantis" } },
                ],
              }),
            ],
          };
        }
        return { messages: [new AIMessage("Oslo is sunny; Atlantis is unknown.")] };
      })
      .addNode("tools", new ToolNode([weather], { handleToolErrors: true }))
      .addEdge(START, "model")
      .addConditionalEdges("model", (s) =>
        (s.messages.at(-1) as AIMessage).tool_calls?.length ? "tools" : END,
      )
      .addEdge("tools", "model")
      .compile({ checkpointer: await checkpointerFor(database.pool) });
    await graph.invoke(
      { messages: [new HumanMessage("Weather in Oslo and Atlantis?")] },
      {
        configurable: { thread_id: "plain-1" },
      },
    );

    const timeline = await readTimeline(await checkpointerFor(database.pool), "plain-1");
    expect(timeline.toolCalls).toEqual([
      { id: "c1", name: "weather", args: { city: "Oslo" }, result: "sunny in Oslo", status: "ok" },
      expect.objectContaining({ id: "c2", name: "weather", status: "error" }),
    ]);
    expect(
      timeline.entries.filter((e) => e.kind === "message").map((e) => e.kind === "message" && e.role),
    ).toEqual(["human", "ai"]);
    // input, model, tools, model: one checkpoint per super-step, steps increasing.
    expect(timeline.checkpoints.map((c) => c.step)).toEqual([-1, 0, 1, 2, 3]);
  });
});
