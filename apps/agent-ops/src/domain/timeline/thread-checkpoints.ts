import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import type { CheckpointState } from "./checkpoint-diff.ts";

/** One row of `checkpoints` with its channel values and the pending writes made from it, deserialized. */
export interface ThreadCheckpoint {
  id: string;
  /** `''` for the root graph, `<node>:<task id>` for a subgraph, joined with `|` when nested. */
  namespace: string;
  /** The previous checkpoint in the same namespace. */
  parentId: string | null;
  /** For a subgraph checkpoint: the checkpoint of the enclosing graph its task ran from (`metadata.parents`). */
  enclosingId: string | null;
  step: number;
  source: string;
  at: string;
  values: CheckpointState;
  versionsSeen: Record<string, Record<string, unknown>>;
  /** Writes of the tasks that ran from this checkpoint (`checkpoint_writes`), in task and index order. */
  writes: Array<{ taskId: string; channel: string; value: unknown }>;
}

/** The namespace a subgraph namespace is nested in (`''` for a first-level subgraph). */
export function enclosingNamespace(namespace: string): string {
  return namespace.split("|").slice(0, -1).join("|");
}

/**
 * Every checkpoint of a thread in every namespace, oldest first. Checkpoint ids are time-ordered
 * UUIDv6, so their text order is the order they were written in.
 */
export async function loadThreadCheckpoints(
  saver: BaseCheckpointSaver,
  threadId: string,
): Promise<ThreadCheckpoint[]> {
  const loaded: ThreadCheckpoint[] = [];
  // No checkpoint_ns in the config: the saver then lists the subgraphs' checkpoints too.
  for await (const tuple of saver.list({ configurable: { thread_id: threadId } })) {
    const namespace = String(tuple.config.configurable?.checkpoint_ns ?? "");
    const parents = (tuple.metadata?.parents ?? {}) as Record<string, string>;
    loaded.push({
      id: tuple.checkpoint.id,
      namespace,
      parentId: (tuple.parentConfig?.configurable?.checkpoint_id as string | undefined) ?? null,
      enclosingId: namespace === "" ? null : (parents[enclosingNamespace(namespace)] ?? null),
      step: tuple.metadata?.step ?? -1,
      source: tuple.metadata?.source ?? "unknown",
      at: tuple.checkpoint.ts,
      values: tuple.checkpoint.channel_values,
      versionsSeen: tuple.checkpoint.versions_seen as Record<string, Record<string, unknown>>,
      writes: (tuple.pendingWrites ?? []).map(([taskId, channel, value]) => ({ taskId, channel, value })),
    });
  }
  return loaded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const NOT_NODES = new Set(["__input__", "__interrupt__"]);

/** The nodes that ran between two checkpoints: those whose `versions_seen` changed. */
export function nodesBetween(from: ThreadCheckpoint | null, to: ThreadCheckpoint): string[] {
  return Object.keys(to.versionsSeen).filter(
    (node) =>
      !NOT_NODES.has(node) &&
      JSON.stringify(to.versionsSeen[node]) !== JSON.stringify(from?.versionsSeen[node] ?? null),
  );
}
