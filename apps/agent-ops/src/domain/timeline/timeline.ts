import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { asMessageList, type MessageView, viewMessage } from "./message-view.ts";
import {
  enclosingNamespace,
  loadThreadCheckpoints,
  nodesBetween,
  type ThreadCheckpoint,
} from "./thread-checkpoints.ts";
import type {
  Timeline,
  TimelineEntry,
  TimelineStep,
  TimelineSubgraph,
  TimelineToolCall,
  ToolCallTiming,
} from "./timeline-types.ts";

export type * from "./timeline-types.ts";

// The task id LangGraph writes `Command({ resume })` input under.
const NULL_TASK = "00000000-0000-0000-0000-000000000000";

// While walking, a tool call is a reference; it lands once, where its result arrived (or, without a
// result yet, where it was requested), after the whole thread has been read.
type Draft = TimelineEntry | { kind: "call-ref"; id: string; at: "request" | "result" };
type DraftStep = Omit<TimelineStep, "entries" | "subgraphs"> & {
  entries: Draft[];
  subgraphs: Array<Omit<TimelineSubgraph, "steps"> & { steps: DraftStep[] }>;
};

function messagesIn(checkpoint: ThreadCheckpoint | null): MessageView[] {
  for (const value of Object.values(checkpoint?.values ?? {})) {
    const list = asMessageList(value);
    if (list) return list.map(viewMessage);
  }
  return [];
}

function errorText(value: unknown): string {
  if (value && typeof value === "object" && "message" in value) return String(value.message);
  return typeof value === "string" ? value : JSON.stringify(value);
}

class TimelineBuilder {
  private readonly byNamespace = new Map<string, ThreadCheckpoint[]>();
  private readonly nested = new Map<string, string[]>();
  private readonly shownMessages = new Map<string, string>();
  private readonly shownInterrupts = new Set<string>();
  readonly calls = new Map<string, TimelineToolCall & { hasResult: boolean }>();

  private readonly byId = new Map<string, ThreadCheckpoint>();

  constructor(checkpoints: ThreadCheckpoint[]) {
    for (const checkpoint of checkpoints) {
      this.byId.set(checkpoint.id, checkpoint);
      const list = this.byNamespace.get(checkpoint.namespace) ?? [];
      list.push(checkpoint);
      this.byNamespace.set(checkpoint.namespace, list);
    }
    for (const [namespace, list] of this.byNamespace) {
      const enclosingId = list.find((c) => c.enclosingId)?.enclosingId;
      if (namespace === "" || !enclosingId) continue;
      const key = `${enclosingNamespace(namespace)}\u0000${enclosingId}`;
      this.nested.set(key, [...(this.nested.get(key) ?? []), namespace]);
    }
  }

  /**
   * The fork a checkpoint is on: the nearest checkpoint at or before it written by a state update
   * (`source` "update" or "fork"), or null on the thread's original branch.
   */
  forkOf(checkpoint: ThreadCheckpoint): string | null {
    for (let c: ThreadCheckpoint | undefined = checkpoint; c; ) {
      if (c.source === "update" || c.source === "fork") return c.id;
      c = c.parentId ? this.byId.get(c.parentId) : undefined;
    }
    return null;
  }

  /** The steps of one namespace, each with the subgraphs that ran inside it. */
  walk(namespace: string): DraftStep[] {
    const list = this.byNamespace.get(namespace) ?? [];
    const steps: DraftStep[] = [];
    for (const from of list) {
      const next = list.filter((c) => c.parentId === from.id);
      for (const to of next) steps.push(this.step(namespace, from, to));
      if (next.length > 0) continue;
      // A leaf with writes or subgraphs is a step still under way: paused, failed or running.
      const pending = this.step(namespace, from, null);
      if (pending.entries.length > 0 || pending.subgraphs.length > 0) steps.push(pending);
    }
    // A subgraph's own input step only repeats what its parent already showed.
    return steps.filter(
      (s) => s.entries.length > 0 || s.subgraphs.length > 0 || s.nodes.some((n) => n !== "__start__"),
    );
  }

  private step(namespace: string, from: ThreadCheckpoint, to: ThreadCheckpoint | null): DraftStep {
    // Subgraphs first: their messages flow back into this graph's state and must be shown once, nested.
    const subgraphs = (this.nested.get(`${namespace}\u0000${from.id}`) ?? []).map((ns) => ({
      namespace: ns,
      node: (ns.split("|").at(-1) ?? ns).split(":")[0] ?? ns,
      steps: this.walk(ns),
    }));
    const entries: Draft[] = [...this.pauses(from)];
    if (to) entries.push(...this.messages(messagesIn(from), messagesIn(to)));
    for (const write of from.writes) {
      if (write.channel === "__error__") entries.push({ kind: "error", message: errorText(write.value) });
    }
    return {
      key: `${namespace || "root"}:${to?.id ?? `pending-${from.id}`}`,
      namespace,
      checkpointId: to?.id ?? null,
      fromCheckpointId: from.id,
      step: to?.step ?? from.step + 1,
      source: to?.source ?? "pending",
      forkId: this.forkOf(to ?? from),
      at: to?.at ?? null,
      nodes: to ? nodesBetween(from, to) : [],
      entries,
      subgraphs,
    };
  }

  /** Interrupts raised by tasks run from this checkpoint, each followed by the value it was resumed with. */
  private pauses(from: ThreadCheckpoint): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    const nullResumes = from.writes.filter((w) => w.channel === "__resume__" && w.taskId === NULL_TASK);
    for (const write of from.writes) {
      if (write.channel !== "__interrupt__") continue;
      const raised = (Array.isArray(write.value) ? write.value : [write.value]) as Array<{
        id?: string;
        value?: unknown;
      }>;
      const fresh = raised.filter((i) => !i.id || !this.shownInterrupts.has(i.id));
      if (fresh.length === 0) continue;
      for (const interrupt of fresh) {
        if (interrupt.id) this.shownInterrupts.add(interrupt.id);
        entries.push({
          kind: "interrupt",
          interruptId: interrupt.id ?? null,
          value: interrupt.value ?? interrupt,
        });
      }
      const resumed = from.writes.filter((w) => w.channel === "__resume__" && w.taskId === write.taskId);
      const values =
        resumed.length > 0
          ? resumed.flatMap((w) => (Array.isArray(w.value) ? w.value : [w.value]))
          : nullResumes.map((w) => w.value);
      for (const value of values) entries.push({ kind: "resume", value });
    }
    return entries;
  }

  /** Messages new (or changed) in `after`; tool calls become references resolved at the end. */
  private messages(before: MessageView[], after: MessageView[]): Draft[] {
    const known = new Map(before.map((m) => [m.id, JSON.stringify(m)]));
    const drafts: Draft[] = [];
    for (const message of after) {
      const serialized = JSON.stringify(message);
      const key = message.id ?? serialized;
      if (known.get(message.id) === serialized || this.shownMessages.get(key) === serialized) continue;
      const edited = this.shownMessages.has(key);
      this.shownMessages.set(key, serialized);
      if (message.role === "tool") {
        drafts.push(...this.result(message, edited));
        continue;
      }
      drafts.push({
        kind: "message",
        role: message.role,
        messageId: message.id,
        text: message.text,
        requested: message.toolCalls.map((c) => c.name),
        edited,
      });
      for (const call of message.toolCalls) {
        const existing = this.calls.get(call.id);
        if (existing) {
          const changed = JSON.stringify(existing.args) !== JSON.stringify(call.args);
          if (changed) existing.requestedArgs ??= existing.args;
          existing.args = call.args;
          continue;
        }
        this.calls.set(call.id, {
          id: call.id,
          name: call.name,
          args: call.args,
          requestedArgs: null,
          result: null,
          status: "pending",
          durationMs: null,
          startedAt: null,
          hasResult: false,
        });
        drafts.push({ kind: "call-ref", id: call.id, at: "request" });
      }
    }
    return drafts;
  }

  private result(message: MessageView, edited: boolean): Draft[] {
    const id = message.toolCallId ?? message.id ?? "unknown";
    const known = this.calls.get(id);
    // A result replaced in the state (a fork's edit): shown where it happened; the call keeps what it returned.
    if (edited && known?.hasResult) {
      return [{ kind: "edited-result", toolCallId: id, tool: known.name, text: message.text }];
    }
    const call = this.calls.get(id) ?? {
      id,
      name: message.name ?? "tool",
      args: {},
      requestedArgs: null,
      result: null,
      status: "pending" as const,
      durationMs: null,
      startedAt: null,
      hasResult: false,
    };
    const first = !call.hasResult;
    Object.assign(call, {
      result: message.text,
      status: message.status === "error" ? "error" : "ok",
      hasResult: true,
    });
    this.calls.set(id, call);
    return first ? [{ kind: "call-ref", id, at: "result" }] : [];
  }
}

function resolve(steps: DraftStep[], builder: TimelineBuilder): TimelineStep[] {
  const call = (id: string): TimelineToolCall => {
    const { hasResult: _, ...rest } = builder.calls.get(id) as TimelineToolCall & { hasResult: boolean };
    return rest;
  };
  return steps.map((step) => ({
    ...step,
    subgraphs: step.subgraphs.map((s) => ({ ...s, steps: resolve(s.steps, builder) })),
    entries: step.entries.flatMap((entry): TimelineEntry[] => {
      if (entry.kind !== "call-ref") return [entry];
      const hasResult = builder.calls.get(entry.id)?.hasResult ?? false;
      if (entry.at === "request" && hasResult) return [];
      return [{ kind: "tool-call", call: call(entry.id) }];
    }),
  }));
}

function flatten(steps: TimelineStep[]): TimelineEntry[] {
  return steps.flatMap((s) => [...s.subgraphs.flatMap((g) => flatten(g.steps)), ...s.entries]);
}

/**
 * Builds a thread's timeline from its checkpoints alone: messages, tool calls (one per tool call id,
 * with the latest arguments and the result), interrupts and resumes, errors, and subgraph steps nested
 * under the step that ran them. `timings` adds latency where the kit recorded the execution.
 */
export function buildTimeline(
  threadId: string,
  checkpoints: ThreadCheckpoint[],
  timings: ReadonlyMap<string, ToolCallTiming> = new Map(),
): Timeline {
  const builder = new TimelineBuilder(checkpoints);
  const drafts = builder.walk("");
  for (const [id, call] of builder.calls) {
    const timing = timings.get(id);
    if (!timing) continue;
    call.durationMs = timing.durationMs;
    call.startedAt = new Date(timing.startedAt).toISOString();
  }
  const steps = resolve(drafts, builder);
  const entries = flatten(steps);
  const byId = new Map(checkpoints.map((c) => [c.id, c]));
  const pendingInterrupts = entries.filter(
    (e, i) => e.kind === "interrupt" && entries[i + 1]?.kind !== "resume",
  );
  const lastRoot = checkpoints.filter((c) => c.namespace === "").at(-1);
  return {
    threadId,
    checkpoints: checkpoints.map((c) => ({
      id: c.id,
      namespace: c.namespace,
      depth: c.namespace === "" ? 0 : c.namespace.split("|").length,
      parentId: c.parentId,
      step: c.step,
      source: c.source,
      at: c.at,
      nodes: nodesBetween(c.parentId ? (byId.get(c.parentId) ?? null) : null, c),
      messageCount: messagesIn(c).length,
    })),
    steps,
    entries,
    toolCalls: [...builder.calls.keys()].map((id) => {
      const { hasResult: _, ...call } = builder.calls.get(id) as TimelineToolCall & { hasResult: boolean };
      return call;
    }),
    // Paused when an interrupt has no resume and nothing ran after the checkpoint it was raised from.
    awaitingResume:
      pendingInterrupts.length > 0 &&
      steps.some((s) => s.checkpointId === null && s.fromCheckpointId === lastRoot?.id),
  };
}

/** Reads a thread's checkpoints through the saver and builds its timeline (see `buildTimeline`). */
export async function readTimeline(
  saver: BaseCheckpointSaver,
  threadId: string,
  timings?: ReadonlyMap<string, ToolCallTiming>,
): Promise<Timeline> {
  return buildTimeline(threadId, await loadThreadCheckpoints(saver, threadId), timings);
}
