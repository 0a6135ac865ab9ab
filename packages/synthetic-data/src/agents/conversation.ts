import { customerId } from "../customer/customer-profile.ts";
import { assetId } from "../operations/ids.ts";
import { Prng, rngFor, streamKey, type Weighted } from "../prng.ts";
import { entityId } from "../risk/ids.ts";
import type { ScaleSpec } from "../scale.ts";
import { isoTimestamp, MINUTE, padId } from "../time.ts";
import type { JsonValue } from "../types.ts";
import { type AgentKind, type AgentSpec, agentSpecs, toolsFor } from "./catalog.ts";
import { toolArgs, toolResult } from "./tool-io.ts";

export type ThreadStatus = "running" | "interrupted" | "completed" | "failed";

const statuses: Weighted<ThreadStatus> = [
  ["completed", 78],
  ["interrupted", 9],
  ["failed", 8],
  ["running", 5],
];

const agentWeights: Weighted<AgentSpec> = agentSpecs.map((a) => [a, a.weight] as const);

/**
 * Shape of a thread (how many tool calls and user turns) depends only on its index, so the
 * message and tool-call row counts are known without generating content.
 */
export function threadShape(index: number): { toolCalls: number; turns: number } {
  const r = new Prng(streamKey(0, "thread_shape", index));
  return {
    toolCalls: r.weighted([
      [0, 15],
      [1, 35],
      [2, 28],
      [3, 15],
      [4, 7],
    ]),
    turns: r.weighted([
      [1, 70],
      [2, 22],
      [3, 8],
    ]),
  };
}

/** Messages in a thread: system, user, (assistant + tool) per call, answer, then follow-up pairs. */
export function messageCount(index: number): number {
  const { toolCalls, turns } = threadShape(index);
  return 3 + 2 * toolCalls + 2 * (turns - 1);
}

/** Thread id for a zero-based index: `T0000001`. */
export function threadId(index: number): string {
  return padId("T", index + 1, 7);
}

const openers: Record<AgentKind, readonly string[]> = {
  support: [
    "Hi, my order still hasn't arrived and the tracking page hasn't updated in days.",
    "I was charged twice for the same order, can you fix it?",
    "I'd like to return something that arrived damaged.",
    "Can you tell me when my refund will show up?",
  ],
  risk_triage: [
    "New alert on this entity from the structuring rule; please pre-triage.",
    "Periodic KYC refresh is due for this entity.",
    "Potential sanctions match flagged by the overnight screening run.",
  ],
  ops: [
    "Health score on this asset dropped sharply overnight; what's going on?",
    "Vibration anomaly reported by the condition-monitoring model.",
    "Operator reports an unusual noise; should we raise a work order?",
  ],
};

const followUps = [
  "Thanks. Anything else I should know?",
  "Can you double-check that?",
  "OK, what happens next?",
];

function subjectFor(r: Prng, kind: AgentKind, spec: ScaleSpec): { subject_type: string; subject_id: string } {
  if (kind === "support")
    return { subject_type: "customer", subject_id: customerId(r.int(0, spec.customers - 1)) };
  if (kind === "risk_triage")
    return { subject_type: "entity", subject_id: entityId(r.int(0, spec.entities - 1)) };
  return { subject_type: "asset", subject_id: assetId(r.int(0, spec.assets - 1)) };
}

/** Tool latency in ms: mostly sub-second with a heavy tail of slow downstream calls. */
function latencyMs(r: Prng): number {
  if (r.chance(0.04)) return Math.min(120_000, Math.round(2_000 * (1 - r.next()) ** -1.2));
  return Math.max(8, Math.round(r.logNormal(Math.log(180), 0.75)));
}

const errors = [
  "TimeoutError: downstream service did not answer within 30 s",
  "PermissionDenied: the agent's service principal lacks SELECT on the table",
  "ValidationError: args.amount exceeds the auto-approve limit",
  "UpstreamError: 503 from the serving endpoint",
];

/** One thread with its messages and tool calls, derived from (seed, thread index). */
export function conversation(seed: number, index: number, spec: ScaleSpec, epochMs: number) {
  const r = rngFor(seed, "thread", index);
  const shape = threadShape(index);
  const agent = r.weighted(agentWeights);
  const status = r.weighted(statuses);
  const subject = subjectFor(r, agent.kind, spec);
  const tools = toolsFor(agent.kind);
  const id = threadId(index);
  let clock = epochMs - Math.floor(r.float(0.2, 45) * 24 * 60) * MINUTE;
  const startedAt = clock;
  const messages: Array<{
    message_id: string;
    thread_id: string;
    seq: number;
    role: string;
    content: string;
    tool_call_id: string | null;
    created_at: string;
    token_count: number;
  }> = [];
  const toolCalls: Array<{
    tool_call_id: string;
    thread_id: string;
    message_id: string;
    tool_name: string;
    args: JsonValue;
    result: JsonValue | null;
    error: string | null;
    status: string;
    latency_ms: number | null;
    started_at: string;
  }> = [];
  const push = (role: string, content: string, toolCallId: string | null = null) => {
    const seq = messages.length + 1;
    const messageId = `${id}-${String(seq).padStart(2, "0")}`;
    messages.push({
      message_id: messageId,
      thread_id: id,
      seq,
      role,
      content,
      tool_call_id: toolCallId,
      created_at: isoTimestamp(clock),
      token_count: Math.max(3, Math.round(content.length / 4)),
    });
    clock += r.int(1, 40) * 1000;
    return messageId;
  };

  push("system", agent.system_prompt);
  const opener = r.pick(openers[agent.kind]);
  push("user", `${opener} (${subject.subject_type} ${subject.subject_id})`);
  for (let c = 0; c < shape.toolCalls; c++) {
    const last = c === shape.toolCalls - 1;
    const tool =
      last && status === "interrupted"
        ? (tools.find((t) => t.requires_approval) ?? r.pick(tools))
        : r.pick(tools);
    const context = { seed, spec, epochMs, subjectId: subject.subject_id };
    const args = toolArgs(r, tool, context);
    const callId = `call_${r.hex(24)}`;
    // An interrupted thread stopped at an approval-gated call: it has not run yet.
    const pending = last && status === "interrupted" && tool.requires_approval;
    const failed = !pending && ((status === "failed" && last) || r.chance(0.03));
    const latency = pending ? null : latencyMs(r);
    const requestId = push("assistant", `Calling ${tool.tool_name} with ${JSON.stringify(args)}.`, callId);
    const call = {
      tool_call_id: callId,
      thread_id: id,
      message_id: requestId,
      tool_name: tool.tool_name,
      args,
      result: pending || failed ? null : toolResult(r, tool, args, context),
      error: failed ? r.pick(errors) : null,
      status: pending ? "pending_approval" : failed ? "error" : "success",
      latency_ms: latency,
      started_at: isoTimestamp(clock),
    };
    toolCalls.push(call);
    clock += latency ?? 0;
    const toolMessage = pending
      ? `Interrupted: ${tool.tool_name} needs an operator's approval before it runs.`
      : failed
        ? `Error: ${call.error}`
        : JSON.stringify(call.result);
    push("tool", toolMessage, callId);
  }
  const answer =
    status === "failed"
      ? "I could not finish this request because a tool call failed; a human will follow up."
      : status === "interrupted"
        ? "I have prepared the action but it needs an operator's approval before I continue."
        : status === "running"
          ? "Still working on this; gathering the remaining details."
          : "Here is what I found and what I did. Let me know if anything else is needed.";
  push("assistant", answer);
  for (let t = 1; t < shape.turns; t++) {
    push("user", r.pick(followUps));
    push(
      "assistant",
      status === "completed"
        ? "Checked again; nothing further needs doing right now."
        : "Nothing more I can do until the step above is resolved.",
    );
  }
  const ended = status === "completed" || status === "failed";
  const thread = {
    thread_id: id,
    agent_id: agent.agent_id,
    status,
    subject_type: subject.subject_type,
    subject_id: subject.subject_id,
    title: opener,
    started_at: isoTimestamp(startedAt),
    ended_at: ended ? isoTimestamp(clock) : null,
  };
  return { thread, messages, toolCalls };
}
