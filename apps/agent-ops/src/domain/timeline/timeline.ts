import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";
import type { BaseCheckpointSaver, CheckpointTuple } from "@langchain/langgraph-checkpoint";

/** One checkpoint as the timeline lists it. */
export interface TimelineCheckpoint {
  id: string;
  step: number;
  source: string;
  at: string;
  messageCount: number;
}

/** A tool call with its arguments and result, one per tool call id. */
export interface TimelineToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
  result: string | null;
  status: "ok" | "error" | "pending";
}

export type TimelineEntry =
  | { kind: "message"; role: "human" | "ai" | "system"; text: string }
  | { kind: "tool-call"; call: TimelineToolCall }
  | { kind: "interrupt"; value: unknown }
  | { kind: "resume"; value: unknown };

export interface Timeline {
  threadId: string;
  checkpoints: TimelineCheckpoint[];
  entries: TimelineEntry[];
  toolCalls: TimelineToolCall[];
}

function textOf(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : JSON.stringify(message.content);
}

function messagesOf(tuple: CheckpointTuple | undefined): BaseMessage[] {
  const values = tuple?.checkpoint.channel_values as { messages?: BaseMessage[] } | undefined;
  return values?.messages ?? [];
}

/**
 * Reconstructs a thread from the LangGraph checkpoint tables alone: works for any graph whose state has
 * a `messages` channel, whether or not this kit started it.
 */
export async function readTimeline(saver: BaseCheckpointSaver, threadId: string): Promise<Timeline> {
  const tuples: CheckpointTuple[] = [];
  for await (const tuple of saver.list({ configurable: { thread_id: threadId, checkpoint_ns: "" } })) {
    tuples.push(tuple);
  }
  tuples.reverse(); // list() is newest first
  const checkpoints = tuples.map((t) => ({
    id: t.checkpoint.id,
    step: t.metadata?.step ?? -1,
    source: t.metadata?.source ?? "unknown",
    at: t.checkpoint.ts,
    messageCount: messagesOf(t).length,
  }));

  // Results by tool call id; a re-run of the same call (e.g. after a resume) replaces, never duplicates.
  const results = new Map<string, ToolMessage>();
  const calls = new Map<string, TimelineToolCall>();
  const entries: TimelineEntry[] = [];
  const latest = messagesOf(tuples.at(-1));
  for (const m of latest) if (ToolMessage.isInstance(m)) results.set(m.tool_call_id, m);

  // Interrupts and resumes are pending writes of the checkpoint they paused at, keyed by where they go.
  const pauses = new Map<number, TimelineEntry[]>();
  tuples.forEach((t) => {
    const found: TimelineEntry[] = [];
    for (const [, channel, value] of t.pendingWrites ?? []) {
      if (channel === "__interrupt__") {
        const list = Array.isArray(value) ? value : [value];
        for (const i of list) found.push({ kind: "interrupt", value: (i as { value?: unknown }).value ?? i });
      }
      if (channel === "__resume__") found.push({ kind: "resume", value });
    }
    if (found.length > 0) pauses.set(messagesOf(t).length, found);
  });

  latest.forEach((m, index) => {
    if (AIMessage.isInstance(m)) {
      if (textOf(m)) entries.push({ kind: "message", role: "ai", text: textOf(m) });
      for (const call of m.tool_calls ?? []) {
        const id = call.id ?? `${index}:${call.name}`;
        const result = results.get(id);
        const record: TimelineToolCall = {
          id,
          name: call.name,
          args: call.args,
          result: result ? textOf(result) : null,
          status: result ? (result.status === "error" ? "error" : "ok") : "pending",
        };
        if (!calls.has(id)) entries.push({ kind: "tool-call", call: record });
        else
          entries[entries.findIndex((e) => e.kind === "tool-call" && e.call.id === id)] = {
            kind: "tool-call",
            call: record,
          };
        calls.set(id, record);
      }
    } else if (m.type === "human" || m.type === "system") {
      entries.push({ kind: "message", role: m.type === "human" ? "human" : "system", text: textOf(m) });
    }
    const paused = pauses.get(index + 1);
    if (paused) entries.push(...paused);
  });
  return { threadId, checkpoints, entries, toolCalls: [...calls.values()] };
}
