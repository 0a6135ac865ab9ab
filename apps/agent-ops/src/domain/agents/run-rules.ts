import type { Queryable } from "@appbase/db";
import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";
import { enqueueReviewItem } from "../queue/queue.ts";
import type { AgentSpec } from "./agent-spec.ts";
import type { ActionReviewRequest } from "./human-review.ts";

// Lower runs first in the queue: policy questions before routine approvals, tool errors last.
const PRIORITY = { "policy-flag": 40, interrupt: 50, "tool-error": 80 } as const;

/**
 * Turns a run's state into review items, each once (the source key dedupes): pending interrupts, failed
 * tool calls, and proposed calls that break one of the agent's policy rules. Returns how many are new or known.
 */
export async function queueReviewItems(
  db: Queryable,
  input: {
    spec: AgentSpec;
    threadId: string;
    messages: BaseMessage[];
    interrupts: { id?: string; value?: unknown }[];
  },
): Promise<{ interrupts: number; toolErrors: number; policyFlags: number }> {
  const { spec, threadId, messages } = input;
  const counts = { interrupts: 0, toolErrors: 0, policyFlags: 0 };
  for (const pending of input.interrupts) {
    const request = pending.value as ActionReviewRequest;
    await enqueueReviewItem(db, {
      threadId,
      source: "interrupt",
      sourceKey: `interrupt:${threadId}:${pending.id ?? request.toolCallId}`,
      title: `Approve ${request.tool} ${JSON.stringify(request.args)}`,
      payload: request,
      priority: PRIORITY.interrupt,
    });
    counts.interrupts += 1;
  }
  for (const m of messages) {
    // Rule: every failed tool call is worth a human look.
    if (ToolMessage.isInstance(m) && m.status === "error") {
      await enqueueReviewItem(db, {
        threadId,
        source: "tool-error",
        sourceKey: `tool-error:${threadId}:${m.tool_call_id}`,
        title: `Tool ${m.name ?? "call"} failed: ${String(m.content).slice(0, 120)}`,
        payload: { agent: spec.name, toolCallId: m.tool_call_id, tool: m.name, error: String(m.content) },
        priority: PRIORITY["tool-error"],
      });
      counts.toolErrors += 1;
    }
    if (!AIMessage.isInstance(m)) continue;
    for (const call of m.tool_calls ?? []) {
      for (const rule of spec.policyRules.filter((r) => r.tool === call.name)) {
        const reason = rule.check(call.args, messages);
        if (!reason) continue;
        await enqueueReviewItem(db, {
          threadId,
          source: "policy-flag",
          sourceKey: `policy-flag:${threadId}:${call.id ?? call.name}:${rule.id}`,
          title: `Policy ${rule.id}: ${reason}`,
          payload: {
            agent: spec.name,
            rule: rule.id,
            reason,
            toolCallId: call.id,
            tool: call.name,
            args: call.args,
          },
          priority: PRIORITY["policy-flag"],
        });
        counts.policyFlags += 1;
      }
    }
  }
  return counts;
}
