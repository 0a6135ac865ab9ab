import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";

/** Shown in the UI next to every run it drives: no serving endpoint is bound, so replies are scripted. */
export const SCRIPTED_MODEL_LABEL = "Scripted demo model (deterministic, no LLM bound)";

const ORDER_ID = /\b(ORD-\d{3,})\b/i;

/**
 * A deterministic stand-in for the chat model: it reads the conversation so far and answers the way a
 * tool-calling model would (look up the order, propose a refund, then summarize). Same input, same run.
 */
export function scriptedSupportReply(messages: BaseMessage[]): AIMessage {
  const request = String(messages.find((m) => m.type === "human")?.content ?? "");
  const orderId = (ORDER_ID.exec(request)?.[1] ?? "ORD-1001").toUpperCase();
  const toolResults = messages.filter((m): m is ToolMessage => ToolMessage.isInstance(m));
  const lookup = toolResults.find((m) => m.name === "lookup_order");
  const refund = toolResults.find((m) => m.name === "issue_refund");
  const step = toolResults.length;
  if (!lookup) {
    return new AIMessage({
      content: `Let me look up ${orderId}.`,
      tool_calls: [{ id: `call_lookup_${orderId}`, name: "lookup_order", args: { orderId } }],
    });
  }
  if (lookup.status === "error") {
    return new AIMessage({
      content: `I could not read ${orderId}, so I cannot refund it: ${String(lookup.content)}`,
    });
  }
  if (!refund) {
    const order = JSON.parse(String(lookup.content)) as { total?: number };
    const amount = Math.round((order.total ?? 0) * 100) / 100;
    return new AIMessage({
      content: `The order qualifies for a refund of ${amount}. Issuing it needs a human review.`,
      tool_calls: [{ id: `call_refund_${orderId}_${step}`, name: "issue_refund", args: { orderId, amount } }],
    });
  }
  return new AIMessage({ content: `Done: ${String(refund.content)}` });
}
