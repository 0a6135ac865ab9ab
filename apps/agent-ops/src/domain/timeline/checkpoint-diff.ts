import { diffJson, type JsonChange, toPlainJson } from "./json-diff.ts";
import { asMessageList, type MessageView, viewMessage } from "./message-view.ts";

/** The channel values of one checkpoint (`checkpoint.channel_values`, deserialized). */
export type CheckpointState = Record<string, unknown>;

interface ChannelBase {
  channel: string;
  /** LangGraph's own routing channels (`__start__`, `branch:to:<node>`): shown apart from the agent's state. */
  internal: boolean;
}

/** What happened to one channel between two checkpoints. */
export type ChannelDiff = ChannelBase &
  (
    | { kind: "added"; after: unknown }
    | { kind: "removed"; before: unknown }
    | { kind: "changed"; changes: JsonChange[] }
    | {
        kind: "messages";
        appended: MessageView[];
        removed: MessageView[];
        edited: Array<{ before: MessageView; after: MessageView }>;
      }
  );

export interface CheckpointDiff {
  channels: ChannelDiff[];
  /** Channels present in both checkpoints with equal values. */
  unchanged: string[];
}

/** Whether a channel belongs to LangGraph's routing rather than to the graph's declared state. */
export function isInternalChannel(channel: string): boolean {
  return channel.startsWith("__") || channel.startsWith("branch:");
}

function messagesOf(value: unknown): MessageView[] | null {
  if (Array.isArray(value) && value.length === 0) return [];
  return asMessageList(value)?.map(viewMessage) ?? null;
}

// Messages are matched by id (the add-messages reducer gives every message one); without ids, by position.
function keyOf(message: MessageView, index: number): string {
  return message.id ?? `#${index}`;
}

function diffMessages(before: MessageView[], after: MessageView[]) {
  const old = new Map(before.map((m, i) => [keyOf(m, i), m]));
  const next = new Map(after.map((m, i) => [keyOf(m, i), m]));
  const appended = after.filter((m, i) => !old.has(keyOf(m, i)));
  const removed = before.filter((m, i) => !next.has(keyOf(m, i)));
  const edited = after.flatMap((m, i) => {
    const previous = old.get(keyOf(m, i));
    return previous && JSON.stringify(previous) !== JSON.stringify(m) ? [{ before: previous, after: m }] : [];
  });
  return { appended, removed, edited };
}

/**
 * What changed in the state from one checkpoint to another: channels added, removed or changed;
 * for message lists, the messages appended, removed or edited; for other values, a JSON diff by path.
 */
export function diffCheckpoints(from: CheckpointState, to: CheckpointState): CheckpointDiff {
  const channels: ChannelDiff[] = [];
  const unchanged: string[] = [];
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  for (const channel of names) {
    const internal = isInternalChannel(channel);
    const inFrom = channel in from && from[channel] !== undefined;
    const inTo = channel in to && to[channel] !== undefined;
    const beforeMessages = inFrom ? messagesOf(from[channel]) : [];
    const afterMessages = inTo ? messagesOf(to[channel]) : [];
    const isMessages =
      beforeMessages !== null &&
      afterMessages !== null &&
      (beforeMessages.length > 0 || afterMessages.length > 0);
    if (isMessages) {
      const change = diffMessages(beforeMessages, afterMessages);
      if (change.appended.length + change.removed.length + change.edited.length === 0)
        unchanged.push(channel);
      else channels.push({ channel, internal, kind: "messages", ...change });
    } else if (!inFrom && inTo) {
      channels.push({ channel, internal, kind: "added", after: toPlainJson(to[channel]) });
    } else if (inFrom && !inTo) {
      channels.push({ channel, internal, kind: "removed", before: toPlainJson(from[channel]) });
    } else if (inFrom && inTo) {
      const changes = diffJson(toPlainJson(from[channel]), toPlainJson(to[channel]));
      if (changes.length === 0) unchanged.push(channel);
      else channels.push({ channel, internal, kind: "changed", changes });
    }
  }
  return { channels, unchanged };
}
