import { z } from "zod";

/** How risky a call to a tool is; high-risk tools are the ones a reviewer should see first. */
export const riskLevels = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

// Lists are stored comma-separated in the scalar governed columns (see db/schema/registry.ts).
const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== ""),
);
// Postgres hands bigint back as a string and timestamps as Date or text; silver as number and ISO text.
const version = z.coerce.number().int().nonnegative();
const instant = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) {
    ctx.issues.push({ code: "custom", message: `updated_at is not a time: ${String(v)}`, input: v });
    return z.NEVER;
  }
  return at.toISOString();
});

/** An agent definition row as Lakebase or silver stores it (snake_case), as the kit uses it. */
export const agentDefinitionRowSchema = z
  .object({
    agent_id: z.string(),
    title: z.string(),
    description: z.string(),
    tools: list,
    review_required: z.boolean(),
    enabled: z.boolean(),
    version,
    updated_by: z.string(),
    updated_at: instant,
  })
  .transform((r) => ({
    agentId: r.agent_id,
    title: r.title,
    description: r.description,
    tools: r.tools,
    reviewRequired: r.review_required,
    enabled: r.enabled,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
export type AgentDefinition = z.output<typeof agentDefinitionRowSchema>;

/** A tool registry row as Lakebase or silver stores it, as the kit uses it. */
export const registeredToolRowSchema = z
  .object({
    tool_name: z.string(),
    description: z.string(),
    reads: list,
    risk_level: z.enum(riskLevels),
    enabled: z.boolean(),
    version,
    updated_by: z.string(),
    updated_at: instant,
  })
  .transform((r) => ({
    toolName: r.tool_name,
    description: r.description,
    reads: r.reads,
    riskLevel: r.risk_level,
    enabled: r.enabled,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
export type RegisteredTool = z.output<typeof registeredToolRowSchema>;

/** Both registries at one point in time. */
export interface Registry {
  agents: AgentDefinition[];
  tools: RegisteredTool[];
}

/** The governed row (without version, which the writer sets) for an agent definition. */
export function agentDefinitionRow(a: Omit<AgentDefinition, "version">) {
  return {
    agent_id: a.agentId,
    title: a.title,
    description: a.description,
    tools: a.tools.join(","),
    review_required: a.reviewRequired,
    enabled: a.enabled,
    updated_by: a.updatedBy,
    updated_at: a.updatedAt,
  };
}

/** The governed row (without version) for a tool. */
export function registeredToolRow(t: Omit<RegisteredTool, "version">) {
  return {
    tool_name: t.toolName,
    description: t.description,
    reads: t.reads.join(","),
    risk_level: t.riskLevel,
    enabled: t.enabled,
    updated_by: t.updatedBy,
    updated_at: t.updatedAt,
  };
}
