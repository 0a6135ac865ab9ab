import type { ChatCompletion } from "@appbase/databricks";
import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";

/** One message of an OpenAI-compatible chat completions request. */
export type ChatCompletionMessage =
  | { role: "system" | "user"; content: string }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
    }
  | { role: "tool"; tool_call_id: string; content: string };

function text(content: BaseMessage["content"]): string {
  if (typeof content === "string") return content;
  return content
    .map((part) =>
      typeof part === "string" ? part : part.type === "text" && "text" in part ? String(part.text) : "",
    )
    .join("");
}

/** LangChain messages as the serving endpoint's chat `messages` (tool calls with JSON-string arguments). */
export function toChatCompletionMessages(messages: BaseMessage[]): ChatCompletionMessage[] {
  return messages.map((m): ChatCompletionMessage => {
    if (ToolMessage.isInstance(m))
      return { role: "tool", tool_call_id: m.tool_call_id, content: text(m.content) };
    if (AIMessage.isInstance(m)) {
      const calls = m.tool_calls ?? [];
      return {
        role: "assistant",
        content: text(m.content) || null,
        ...(calls.length > 0
          ? {
              tool_calls: calls.map((c) => ({
                id: c.id ?? "",
                type: "function" as const,
                function: { name: c.name, arguments: JSON.stringify(c.args) },
              })),
            }
          : {}),
      };
    }
    return { role: m.type === "system" ? "system" : "user", content: text(m.content) };
  });
}

/** The first choice of a response as an AIMessage; arguments that are not JSON become invalid tool calls. */
export function toAiMessage(response: ChatCompletion): AIMessage {
  const message = response.choices[0]?.message;
  const content = message?.content;
  const textContent = Array.isArray(content)
    ? content.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("")
    : (content ?? "");
  const toolCalls: { id: string; name: string; args: Record<string, unknown> }[] = [];
  const invalid: { id: string; name: string; args: string; error: string }[] = [];
  for (const call of message?.tool_calls ?? []) {
    try {
      const args = JSON.parse(call.function.arguments || "{}") as unknown;
      if (typeof args !== "object" || args === null || Array.isArray(args))
        throw new Error("not a JSON object");
      toolCalls.push({ id: call.id, name: call.function.name, args: args as Record<string, unknown> });
    } catch (error) {
      invalid.push({
        id: call.id,
        name: call.function.name,
        args: call.function.arguments,
        error: String(error),
      });
    }
  }
  return new AIMessage({
    content: textContent,
    tool_calls: toolCalls,
    invalid_tool_calls: invalid,
    ...(response.usage
      ? {
          usage_metadata: {
            input_tokens: response.usage.prompt_tokens,
            output_tokens: response.usage.completion_tokens,
            total_tokens: response.usage.total_tokens,
          },
        }
      : {}),
    response_metadata: { model: response.model },
  });
}
