/** A tool call with its arguments and result, one per tool call id however often it appears in the state. */
export interface TimelineToolCall {
  id: string;
  name: string;
  /** The arguments the tool ran with (after a reviewer's edit, if any). */
  args: Record<string, unknown>;
  /** What the model first asked for, when a reviewer changed it before the call ran; else null. */
  requestedArgs: Record<string, unknown> | null;
  result: string | null;
  status: "ok" | "error" | "pending";
  /** From `agent_ops.tool_call` when the kit's tool wrapper recorded the execution; null otherwise. */
  durationMs: number | null;
  startedAt: string | null;
}

export type TimelineEntry =
  | {
      kind: "message";
      role: "human" | "ai" | "system" | "other";
      messageId: string | null;
      text: string;
      /** Names of the tools an AI message asked for. */
      requested: string[];
      /** True when this is a later version of a message already shown (same id, new content). */
      edited: boolean;
    }
  | { kind: "tool-call"; call: TimelineToolCall }
  | { kind: "interrupt"; interruptId: string | null; value: unknown }
  | { kind: "resume"; value: unknown }
  /** A tool result replaced in the state by a fork (the call keeps the result it returned). */
  | { kind: "edited-result"; toolCallId: string; tool: string; text: string }
  | { kind: "error"; message: string };

/** A subgraph's run inside a step of the enclosing graph. */
export interface TimelineSubgraph {
  namespace: string;
  /** The node of the enclosing graph that ran the subgraph. */
  node: string;
  steps: TimelineStep[];
}

/** One super-step: what the tasks that ran from `fromCheckpointId` did, producing `checkpointId`. */
export interface TimelineStep {
  /** Unique on the page; used as the step's anchor. */
  key: string;
  namespace: string;
  /** The checkpoint this step produced, or null while it has not completed (awaiting resume, failed). */
  checkpointId: string | null;
  fromCheckpointId: string;
  step: number;
  source: string;
  /** The checkpoint that started the fork this step is on (a state edit); null on the original branch. */
  forkId: string | null;
  at: string | null;
  nodes: string[];
  entries: TimelineEntry[];
  subgraphs: TimelineSubgraph[];
}

/** One checkpoint in the thread's checkpoint list (all namespaces). */
export interface TimelineCheckpoint {
  id: string;
  namespace: string;
  /** 0 for the root graph, 1 for a subgraph, 2 for a subgraph of a subgraph, … */
  depth: number;
  parentId: string | null;
  step: number;
  source: string;
  at: string;
  nodes: string[];
  messageCount: number;
}

export interface Timeline {
  threadId: string;
  checkpoints: TimelineCheckpoint[];
  /** Steps of the root graph; subgraph steps are nested in the step that ran them. */
  steps: TimelineStep[];
  /** Every entry in reading order, subgraph entries included. */
  entries: TimelineEntry[];
  toolCalls: TimelineToolCall[];
  /** The thread is paused at an `interrupt()` that nobody has resumed yet. */
  awaitingResume: boolean;
}

/** What the kit recorded about one tool execution, joined onto the timeline by tool call id. */
export interface ToolCallTiming {
  durationMs: number;
  startedAt: Date | string;
}
