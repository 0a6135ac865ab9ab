import { defineDataset, memoCount } from "../define.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { conversation, threadShape } from "./conversation.ts";

const totalToolCalls = memoCount((n) => {
  let total = 0;
  for (let i = 0; i < n; i++) total += threadShape(i).toolCalls;
  return total;
});

const toolCallColumns = [
  { name: "tool_call_id", type: "text", nullable: false },
  { name: "thread_id", type: "text", nullable: false },
  { name: "message_id", type: "text", nullable: false },
  { name: "tool_name", type: "text", nullable: false },
  { name: "args", type: "json", nullable: false },
  { name: "result", type: "json", nullable: true },
  { name: "error", type: "text", nullable: true },
  { name: "status", type: "text", nullable: false },
  { name: "latency_ms", type: "int", nullable: true },
  { name: "started_at", type: "timestamp", nullable: false },
] as const;

/** Every tool call an agent made: arguments, result or error, and latency. */
export const toolCalls = defineDataset({
  domain: "agents",
  name: "tool_calls",
  description:
    "Tool calls with arguments, result or error, status (success, error, pending_approval) and heavy-tailed latency.",
  columns: toolCallColumns,
  primaryKey: ["tool_call_id"],
  dependsOn: ["messages", "tools"],
  defaultRows: (scale) => totalToolCalls(resolveScale(scale).threads),
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.threads; i++) yield* conversation(seed, i, spec, epochMs).toolCalls;
  },
});
