import { defineDataset } from "../define.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { conversation } from "./conversation.ts";

const threadColumns = [
  { name: "thread_id", type: "text", nullable: false },
  { name: "agent_id", type: "text", nullable: false },
  { name: "status", type: "text", nullable: false },
  { name: "subject_type", type: "text", nullable: false },
  { name: "subject_id", type: "text", nullable: false },
  { name: "title", type: "text", nullable: false },
  { name: "started_at", type: "timestamp", nullable: false },
  { name: "ended_at", type: "timestamp", nullable: true },
] as const;

/** Agent conversations (LangGraph threads) with their outcome. */
export const threads = defineDataset({
  domain: "agents",
  name: "threads",
  description: "Agent conversations: which agent, about which customer/entity/asset, and how it ended.",
  columns: threadColumns,
  primaryKey: ["thread_id"],
  dependsOn: ["agent_definitions"],
  defaultRows: (scale) => resolveScale(scale).threads,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.threads; i++) yield conversation(seed, i, spec, epochMs).thread;
  },
});
