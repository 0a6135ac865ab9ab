import { withSpan } from "@appbase/telemetry";
import { ToolMessage } from "@langchain/core/messages";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import type { AgentModel } from "./agent-model.ts";
import type { AgentSpec } from "./agent-spec.ts";
import { recordedTool, type ToolContext } from "./agent-tool.ts";
import { humanReviewNode, lastAi } from "./human-review.ts";

/** The evidence subgraph: a fixed plan of lookups, run through the recorded tools, then back to the parent. */
function evidenceSubgraph(spec: AgentSpec, evidence: NonNullable<AgentSpec["evidence"]>, ctx: ToolContext) {
  const tools = evidence.tools.map((t) => recordedTool(spec.name, t, ctx));
  return new StateGraph(MessagesAnnotation)
    .addNode("plan_evidence", (state) => ({ messages: [evidence.plan(state.messages)] }))
    .addNode("collect_evidence", new ToolNode(tools, { handleToolErrors: true }))
    .addEdge(START, "plan_evidence")
    .addConditionalEdges("plan_evidence", (state) =>
      (lastAi(state.messages)?.tool_calls?.length ?? 0) > 0 ? "collect_evidence" : END,
    )
    .addEdge("collect_evidence", END)
    .compile();
}

/**
 * Every agent's graph: [evidence subgraph →] model → tools, with a human review before any reviewed
 * tool call. Tool calls are recorded (agent_ops.tool_call); tool errors come back as error ToolMessages.
 */
export function buildAgentGraph(
  spec: AgentSpec,
  options: { checkpointer: BaseCheckpointSaver; model: AgentModel; ctx: ToolContext },
) {
  const tools = spec.tools.map((t) => recordedTool(spec.name, t, options.ctx));
  const graph = new StateGraph(MessagesAnnotation)
    .addNode("agent", async (state) => ({
      messages: [
        await withSpan(`agent model ${spec.name}`, { "appbase.agent": spec.name }, () =>
          options.model.reply(spec, state.messages, tools),
        ),
      ],
    }))
    .addNode("tools", new ToolNode(tools, { handleToolErrors: true }))
    .addNode("human_review", humanReviewNode(spec))
    // The compiled subgraph is the node itself, so its steps are checkpointed in their own namespace;
    // agents without evidence never route here.
    .addNode(
      "gather_evidence",
      spec.evidence ? evidenceSubgraph(spec, spec.evidence, options.ctx) : () => ({}),
    )
    .addConditionalEdges(START, () => (spec.evidence ? "gather_evidence" : "agent"), [
      "gather_evidence",
      "agent",
    ])
    .addEdge("gather_evidence", "agent")
    .addConditionalEdges("agent", (state) => {
      const calls = lastAi(state.messages)?.tool_calls ?? [];
      if (calls.length === 0) return END;
      return calls.some((c) => spec.reviewedTools.includes(c.name)) ? "human_review" : "tools";
    })
    .addConditionalEdges("human_review", (state) =>
      ToolMessage.isInstance(state.messages.at(-1)) ? "agent" : "tools",
    )
    .addEdge("tools", "agent");
  return graph.compile({ checkpointer: options.checkpointer });
}
