import { AIMessage, ToolMessage } from "@langchain/core/messages";
import { interrupt, type MessagesAnnotation } from "@langchain/langgraph";
import { z } from "zod";
import type { AgentSpec } from "./agent-spec.ts";

/** What a reviewer sends back into the paused graph through `Command({ resume })`. */
export const reviewResumeSchema = z.object({
  decision: z.enum(["approve", "reject", "edit"]),
  rationale: z.string(),
  editedArgs: z.record(z.string(), z.unknown()).optional(),
});
export type ReviewResume = z.infer<typeof reviewResumeSchema>;

/** The value `interrupt()` raises for the review queue. */
export interface ActionReviewRequest {
  kind: string;
  agent: string;
  toolCallId: string;
  tool: string;
  args: Record<string, unknown>;
}

/** The last message when it is the model's turn, else undefined. */
export function lastAi(messages: unknown[]): AIMessage | undefined {
  const last = messages.at(-1);
  return AIMessage.isInstance(last) ? last : undefined;
}

/**
 * The human-review node: pauses before the first reviewed call; approve runs the calls, edit runs the
 * reviewed call with the reviewer's arguments, reject answers every call of the turn without running it.
 */
export function humanReviewNode(spec: AgentSpec) {
  return (state: typeof MessagesAnnotation.State) => {
    const ai = lastAi(state.messages);
    const calls = ai?.tool_calls ?? [];
    const call = calls.find((c) => spec.reviewedTools.includes(c.name));
    if (!ai || !call?.id) return {};
    const request: ActionReviewRequest = {
      kind: spec.reviewKind,
      agent: spec.name,
      toolCallId: call.id,
      tool: call.name,
      args: call.args,
    };
    const answer = reviewResumeSchema.parse(interrupt(request));
    if (answer.decision === "approve") return {};
    if (answer.decision === "edit") {
      const edited = new AIMessage({
        ...(ai.id ? { id: ai.id } : {}),
        content: ai.content,
        tool_calls: calls.map((c) =>
          c.id === call.id ? { ...c, args: { ...c.args, ...answer.editedArgs } } : c,
        ),
      });
      return { messages: [edited] };
    }
    // Every call of the turn gets an answer, so the conversation stays valid for a chat model.
    return {
      messages: calls.map(
        (c) =>
          new ToolMessage({
            tool_call_id: c.id ?? call.id ?? "",
            name: c.name,
            content:
              c.id === call.id
                ? `Rejected by the reviewer: ${answer.rationale}`
                : `Not run: the reviewer rejected ${call.name} in the same turn.`,
          }),
      ),
    };
  };
}
