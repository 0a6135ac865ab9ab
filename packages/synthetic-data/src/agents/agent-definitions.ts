import { defineDataset } from "../define.ts";
import { resolveOptions } from "../scale.ts";
import { DAY, isoTimestamp } from "../time.ts";
import { agentSpecs, toolsFor } from "./catalog.ts";

const columns = [
  { name: "agent_id", type: "text", nullable: false },
  { name: "name", type: "text", nullable: false },
  { name: "kind", type: "text", nullable: false },
  { name: "description", type: "text", nullable: false },
  { name: "model", type: "text", nullable: false },
  { name: "version", type: "text", nullable: false },
  { name: "system_prompt", type: "text", nullable: false },
  { name: "tools", type: "json", nullable: false },
  { name: "created_at", type: "timestamp", nullable: false },
] as const;

/** The agent roster (support, risk triage, operations): the same at every scale. */
export const agentDefinitions = defineDataset({
  domain: "agents",
  name: "agent_definitions",
  description: "Deployed agents with model, version, system prompt and allowed tools.",
  columns,
  primaryKey: ["agent_id"],
  dependsOn: ["tools"],
  defaultRows: () => agentSpecs.length,
  *rows(options) {
    const { epochMs } = resolveOptions(options);
    for (const [i, spec] of agentSpecs.entries()) {
      yield {
        agent_id: spec.agent_id,
        name: spec.name,
        kind: spec.kind,
        description: spec.description,
        model: spec.model,
        version: spec.version,
        system_prompt: spec.system_prompt,
        tools: toolsFor(spec.kind).map((t) => t.tool_name),
        created_at: isoTimestamp(epochMs - (200 - i * 13) * DAY),
      };
    }
  },
});
