import { plainText, versionNumber } from "@appbase/next-kit/fields";
import { z } from "zod";
import { riskLevels } from "./registry-entry.ts";

const agentId = z
  .string({ error: "agentId is required: lowercase letters, digits and hyphens, e.g. risk-triage." })
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,62}$/, "agentId: lowercase letters, digits and hyphens, e.g. risk-triage.");
const toolName = z
  .string({
    error: "The tool name is required: lowercase letters, digits and underscores, e.g. lookup_order.",
  })
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{1,62}$/,
    "Tool names are lowercase letters, digits and underscores, e.g. lookup_order.",
  );
const servedTable = z
  .string({ error: "Each table the tool reads is schema.table, e.g. commerce.orders." })
  .regex(
    /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/,
    "Each table the tool reads is schema.table, e.g. commerce.orders.",
  );

// Forms send lists as comma-separated text and checkboxes as "on"/"true"; callers in code send arrays and booleans.
const commaList = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "")
        : v,
    z.array(item, { error: "A list is comma-separated text, e.g. a, b." }).max(50, "At most 50 entries."),
  );
// An unchecked checkbox is not posted at all, so a missing flag from a form means "off".
const flag = z.preprocess(
  (v) => (v === undefined ? false : typeof v === "string" ? v === "on" || v === "true" : v),
  z.boolean({ error: "A flag is on or off (true or false)." }),
);
// The version you opened; 0 registers a new entry.
const expectedVersion = versionNumber("expectedVersion", { min: 0 });

/** Registering (expectedVersion 0) or updating an agent definition. */
export const agentDefinitionInputSchema = z.object({
  agentId,
  title: plainText("title", 120, { min: 3 }),
  description: plainText("description", 1000, { min: 3 }),
  tools: commaList(toolName),
  reviewRequired: flag,
  enabled: flag,
  expectedVersion,
});
export type AgentDefinitionInput = z.output<typeof agentDefinitionInputSchema>;

/** Registering (expectedVersion 0) or updating a tool. */
export const toolInputSchema = z.object({
  toolName,
  description: plainText("description", 1000, { min: 3 }),
  reads: commaList(servedTable),
  riskLevel: z.enum(riskLevels, { error: "riskLevel is one of low, medium, high." }),
  enabled: flag,
  expectedVersion,
});
export type ToolInput = z.output<typeof toolInputSchema>;

/** Turning an agent or a tool on or off at the version the caller saw. */
export const enabledChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("agent"), id: agentId, enabled: flag, expectedVersion }),
  z.object({ kind: z.literal("tool"), id: toolName, enabled: flag, expectedVersion }),
]);
export type EnabledChange = z.output<typeof enabledChangeSchema>;
