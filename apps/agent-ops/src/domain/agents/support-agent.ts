import { AIMessage, ToolMessage } from "@langchain/core/messages";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { END, interrupt, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import { scriptedSupportReply } from "./scripted-model.ts";
import { supportTools } from "./support-tools.ts";

/** What a reviewer sends back into the paused graph through `Command({ resume })`. */
export const reviewResumeSchema = z.object({
  decision: z.enum(["approve", "reject", "edit"]),
  rationale: z.string(),
  editedArgs: z.record(z.string(), z.unknown()).optional(),
});
export type ReviewResume = z.infer<typeof reviewResumeSchema>;

/** The value `interrupt()` raises for the review queue. */
export interface RefundReviewRequest {
  kind: "refund-approval";
  toolCallId: string;
  tool: string;
  args: Record<string, unknown>;
}

function lastAi(messages: unknown[]): AIMessage | undefined {
  const last = messages.at(-1);
  return AIMessage.isInstance(last) ? last : undefined;
}

/** Pauses before a refund; approve runs it, edit runs it with the reviewer's arguments, reject skips it. */
function humanReview(state: typeof MessagesAnnotation.State) {
  const ai = lastAi(state.messages);
  const call = ai?.tool_calls?.find((c) => c.name === "issue_refund");
  if (!ai || !call?.id) return {};
  const request: RefundReviewRequest = {
    kind: "refund-approval",
    toolCallId: call.id,
    tool: call.name,
    args: call.args,
  };
  const answer = reviewResumeSchema.parse(interrupt(request));
  if (answer.decision === "approve") return {};
  if (answer.decision === "edit") {
    const edited = new AIMessage({
      id: ai.id,
      content: ai.content,
      tool_calls: [{ ...call, args: { ...call.args, ...answer.editedArgs } }],
    });
    return { messages: [edited] };
  }
  return {
    messages: [
      new ToolMessage({
        tool_call_id: call.id,
        name: call.name,
        content: `Refund rejected by the reviewer: ${answer.rationale}`,
      }),
    ],
  };
}

/** The demo customer-support agent: scripted model → tools, with a human review before any refund. */
export function buildSupportAgent(checkpointer: BaseCheckpointSaver) {
  return new StateGraph(MessagesAnnotation)
    .addNode("agent", (state) => ({ messages: [scriptedSupportReply(state.messages)] }))
    .addNode("tools", new ToolNode(supportTools, { handleToolErrors: true }))
    .addNode("human_review", humanReview)
    .addEdge(START, "agent")
    .addConditionalEdges("agent", (state) => {
      const calls = lastAi(state.messages)?.tool_calls ?? [];
      if (calls.length === 0) return END;
      return calls.some((c) => c.name === "issue_refund") ? "human_review" : "tools";
    })
    .addConditionalEdges("human_review", (state) =>
      ToolMessage.isInstance(state.messages.at(-1)) ? "agent" : "tools",
    )
    .addEdge("tools", "agent")
    .compile({ checkpointer });
}
