import { defineDataset, memoCount } from "../define.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { conversation, messageCount } from "./conversation.ts";

const totalMessages = memoCount((n) => {
  let total = 0;
  for (let i = 0; i < n; i++) total += messageCount(i);
  return total;
});

const messageColumns = [
  { name: "message_id", type: "text", nullable: false },
  { name: "thread_id", type: "text", nullable: false },
  { name: "seq", type: "int", nullable: false },
  { name: "role", type: "text", nullable: false },
  { name: "content", type: "text", nullable: false },
  { name: "tool_call_id", type: "text", nullable: true },
  { name: "created_at", type: "timestamp", nullable: false },
  { name: "token_count", type: "int", nullable: false },
] as const;

/** Messages of every thread in order: system, user, assistant and tool results. */
export const messages = defineDataset({
  domain: "agents",
  name: "messages",
  description: "Messages of each thread in order, linked to the tool call they request or answer.",
  columns: messageColumns,
  primaryKey: ["message_id"],
  dependsOn: ["threads"],
  defaultRows: (scale) => totalMessages(resolveScale(scale).threads),
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.threads; i++) yield* conversation(seed, i, spec, epochMs).messages;
  },
});
