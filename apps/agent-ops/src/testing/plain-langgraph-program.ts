import { AIMessage, type BaseMessage, HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { Command, END, interrupt, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";
import { z } from "zod";

/**
 * A LangGraph program that knows nothing of this kit: the official PostgresSaver, a scripted model, two
 * tools (one fails) and an approval interrupt. Tests and the e2e specs write its threads straight into a
 * checkpoint schema to prove the kit reads any program's threads, with no kit records.
 *
 *   agent (asks for get_weather + get_air_quality, no text) → tools (air quality fails)
 *   → agent (proposes a trip) → approval (interrupt) → agent (final answer) → END
 */
export const PLAIN_GRAPH_ID = "trip-planner";

const getWeather = tool(async ({ city }) => `Sunny in ${city}, 21°C`, {
  name: "get_weather",
  description: "Current weather of a city",
  schema: z.object({ city: z.string() }),
});

const getAirQuality = tool(
  async ({ city }): Promise<string> => {
    throw new Error(`air quality service unavailable for ${city}`);
  },
  {
    name: "get_air_quality",
    description: "Air quality index of a city",
    schema: z.object({ city: z.string() }),
  },
);

function scriptedReply(messages: BaseMessage[], city: string): AIMessage {
  const turns = messages.filter((m) => AIMessage.isInstance(m)).length;
  if (turns === 0) {
    // Only tool calls, no text: the step must still show what it asked for.
    return new AIMessage({
      content: "",
      tool_calls: [
        { id: "call_weather", name: "get_weather", args: { city }, type: "tool_call" },
        { id: "call_air", name: "get_air_quality", args: { city }, type: "tool_call" },
      ],
    });
  }
  const weather = messages.find((m) => m.getType() === "tool" && m.name === "get_weather");
  if (turns === 1) return new AIMessage(`Proposed trip to ${city}: ${String(weather?.content ?? "?")}`);
  return new AIMessage(`Trip to ${city} booked after approval.`);
}

/** The program's graph on `saver`; a checkpointer it owns, as its own code would build it. */
export function plainProgramGraph(saver: PostgresSaver, city: string) {
  return new StateGraph(MessagesAnnotation)
    .addNode("agent", (state) => ({ messages: [scriptedReply(state.messages, city)] }))
    .addNode("tools", new ToolNode([getWeather, getAirQuality], { handleToolErrors: true }))
    .addNode("approval", () => {
      const answer = interrupt({ question: `Book the trip to ${city}?` }) as { approved?: boolean };
      return { messages: [new HumanMessage(answer.approved ? "Approved" : "Not approved")] };
    })
    .addEdge(START, "agent")
    .addConditionalEdges("agent", (state) => {
      const last = state.messages.at(-1);
      if (AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) > 0) return "tools";
      const turns = state.messages.filter((m) => AIMessage.isInstance(m)).length;
      return turns === 2 ? "approval" : END;
    })
    .addEdge("tools", "agent")
    .addEdge("approval", "agent")
    .compile({ checkpointer: saver, name: PLAIN_GRAPH_ID });
}

/** The official saver on `schema`, with its tables created as the program's own deployment would. */
export async function plainProgramSaver(pool: pg.Pool, schema: string): Promise<PostgresSaver> {
  const saver = new PostgresSaver(pool, undefined, { schema });
  await saver.setup();
  return saver;
}

/** Runs the program on a new thread until it pauses at the approval interrupt. */
export async function runPlainProgram(
  pool: pg.Pool,
  input: { schema: string; threadId: string; city: string },
): Promise<void> {
  const graph = plainProgramGraph(await plainProgramSaver(pool, input.schema), input.city);
  await graph.invoke(
    { messages: [new HumanMessage(`Plan a day trip to ${input.city}`)] },
    { configurable: { thread_id: input.threadId }, metadata: { graph_id: PLAIN_GRAPH_ID } },
  );
}

/** The program resuming its own thread with its own decision (as it would after reading the kit's table). */
export async function resumePlainProgram(
  pool: pg.Pool,
  input: { schema: string; threadId: string; city: string; approved: boolean },
): Promise<void> {
  const graph = plainProgramGraph(await plainProgramSaver(pool, input.schema), input.city);
  await graph.invoke(new Command({ resume: { approved: input.approved } }), {
    configurable: { thread_id: input.threadId },
  });
}
