import { defineDataset } from "../define.ts";
import { resolveOptions } from "../scale.ts";
import { DAY, isoTimestamp } from "../time.ts";
import { toolSpecs } from "./catalog.ts";

const columns = [
  { name: "tool_name", type: "text", nullable: false },
  { name: "agent_kind", type: "text", nullable: false },
  { name: "description", type: "text", nullable: false },
  { name: "args_schema", type: "json", nullable: false },
  { name: "requires_approval", type: "bool", nullable: false },
  { name: "registered_at", type: "timestamp", nullable: false },
] as const;

/** The tool registry: name, description and JSON Schema of the arguments. */
export const tools = defineDataset({
  domain: "agents",
  name: "tools",
  description: "Tools agents may call, with a JSON Schema for their arguments.",
  columns,
  primaryKey: ["tool_name"],
  defaultRows: () => toolSpecs.length,
  *rows(options) {
    const { epochMs } = resolveOptions(options);
    for (const [i, spec] of toolSpecs.entries()) {
      yield { ...spec, registered_at: isoTimestamp(epochMs - (240 - i * 7) * DAY) };
    }
  },
});
