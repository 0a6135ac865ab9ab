import { AIMessage, BaseMessage, ToolMessage } from "@langchain/core/messages";

/** A LangChain message as an operator reads it: who said what, which tools it asked for or answered. */
export interface MessageView {
  id: string | null;
  role: "human" | "ai" | "system" | "tool" | "other";
  text: string;
  /** Tool calls an AI message requested, with their arguments. */
  toolCalls: Array<{ id: string; name: string; args: Record<string, unknown> }>;
  /** For a tool result: the call it answers, the tool's name and whether it failed. */
  toolCallId: string | null;
  name: string | null;
  status: "success" | "error" | null;
}

/** The message's content as text; structured content (e.g. multimodal blocks) is shown as JSON. */
export function messageText(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : JSON.stringify(message.content);
}

function roleOf(message: BaseMessage): MessageView["role"] {
  const type: string = message.getType();
  return type === "human" || type === "ai" || type === "system" || type === "tool" ? type : "other";
}

/** Flattens a message for display and diffing; stable for equal messages, so views compare with JSON. */
export function viewMessage(message: BaseMessage): MessageView {
  const ai = AIMessage.isInstance(message) ? message : null;
  const tool = ToolMessage.isInstance(message) ? message : null;
  return {
    id: message.id ?? null,
    role: roleOf(message),
    text: messageText(message),
    toolCalls: (ai?.tool_calls ?? []).map((call, index) => ({
      // A model that leaves the id out still gets a stable one, so the call can be deduplicated.
      id: call.id ?? `${message.id ?? "message"}:${index}`,
      name: call.name,
      args: call.args,
    })),
    toolCallId: tool?.tool_call_id ?? null,
    name: tool?.name ?? message.name ?? null,
    status: tool ? (tool.status === "error" ? "error" : "success") : null,
  };
}

/** The messages of a channel value, or null when the value is not a list of LangChain messages. */
export function asMessageList(value: unknown): BaseMessage[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.every((item) => BaseMessage.isInstance(item)) ? (value as BaseMessage[]) : null;
}
