import { asMessageList, viewMessage } from "./message-view.ts";
import type { ThreadCheckpoint } from "./thread-checkpoints.ts";

/** A tool result a fork may replace, with the root checkpoints (newest first) whose state holds it. */
export interface ForkPoint {
  toolCallId: string;
  tool: string;
  /** The result as the newest of those checkpoints holds it. */
  result: string;
  checkpointIds: string[];
}

/** Every tool result in the root graph's checkpoints, each with the checkpoints a fork can start from. */
export function forkPoints(checkpoints: readonly ThreadCheckpoint[]): ForkPoint[] {
  const points = new Map<string, ForkPoint>();
  const newestFirst = checkpoints.filter((c) => c.namespace === "").reverse();
  for (const checkpoint of newestFirst) {
    const messages = asMessageList(checkpoint.values.messages) ?? [];
    for (const message of messages.map(viewMessage)) {
      if (message.role !== "tool" || !message.toolCallId) continue;
      const point = points.get(message.toolCallId) ?? {
        toolCallId: message.toolCallId,
        tool: message.name ?? "tool",
        result: message.text,
        checkpointIds: [],
      };
      point.checkpointIds.push(checkpoint.id);
      points.set(message.toolCallId, point);
    }
  }
  return [...points.values()];
}
