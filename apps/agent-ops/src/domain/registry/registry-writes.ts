import type { GovernanceWriter, GovernedTable } from "@appbase/lakehouse/governance";
import { GovernanceError } from "@appbase/lakehouse/governance";
import { ConflictError, FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import { governedAgentDefinition, governedToolRegistry } from "../../db/governed.ts";
import {
  type AgentDefinition,
  agentDefinitionRow,
  agentDefinitionRowSchema,
  type RegisteredTool,
  registeredToolRow,
  registeredToolRowSchema,
} from "./registry-entry.ts";
import type { AgentDefinitionInput, EnabledChange, ToolInput } from "./registry-input.ts";

/** What a registry write needs: the kit's Governance Writer, and a clock tests can hold still. */
export interface RegistryWriteContext {
  writer: GovernanceWriter;
  now?: () => Date;
}

const KINDS = {
  agent: { table: governedAgentDefinition, key: "agent_id", label: "Agent", parse: agentDefinitionRowSchema },
  tool: { table: governedToolRegistry, key: "tool_name", label: "Tool", parse: registeredToolRowSchema },
} as const;

async function current<K extends keyof typeof KINDS>(ctx: RegistryWriteContext, kind: K, id: string) {
  const { table, key, parse } = KINDS[kind];
  const { row } = await ctx.writer.read(table, { [key]: id });
  return row ? (parse.parse(row) as K extends "agent" ? AgentDefinition : RegisteredTool) : null;
}

/**
 * One governed write at the version the caller opened. A moved-on version becomes a ConflictError
 * carrying the stored entry, so the form can show who changed it.
 */
async function writeAtVersion(
  ctx: RegistryWriteContext,
  kind: keyof typeof KINDS,
  id: string,
  row: Record<string, string | boolean>,
  expectedVersion: number,
  actor: string,
): Promise<Record<string, unknown>> {
  const { table, label } = KINDS[kind];
  try {
    const result = await ctx.writer.write(table as GovernedTable, row, { actor, expectedVersion });
    return result.row;
  } catch (error) {
    if (error instanceof GovernanceError && error.code === "SILVER_WRITE_FAILED") {
      // Silver is the authority: when it refuses, nothing was written anywhere, so a retry is safe.
      throw new FieldRuleError(
        "_form",
        `Nothing was saved: the lakehouse did not accept the write (${(error.cause as Error | undefined)?.message ?? error.message}). Try again; if it keeps failing, check that the lakehouse is reachable.`,
      );
    }
    if (!(error instanceof GovernanceError) || error.code !== "VERSION_CONFLICT") throw error;
    const stored = await current(ctx, kind, id);
    const message =
      expectedVersion === 0
        ? `${label} ${id} is already registered (version ${stored?.version}); open it and edit it instead.`
        : stored
          ? `${label} ${id} was changed by ${stored.updatedBy} (now version ${stored.version}) after you opened version ${expectedVersion}; reload it and reapply your change.`
          : `${label} ${id} is not registered; register it with version 0.`;
    throw new ConflictError(message, stored);
  }
}

/** Registers (expectedVersion 0) or updates an agent definition; every tool it names must be registered. */
export async function saveAgentDefinition(
  ctx: RegistryWriteContext,
  input: AgentDefinitionInput,
  actor: string,
): Promise<AgentDefinition> {
  const tools = [...new Set(input.tools)];
  const missing: string[] = [];
  for (const name of tools) if (!(await current(ctx, "tool", name))) missing.push(name);
  if (missing.length > 0) {
    throw new FieldRuleError(
      "tools",
      `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the tool registry; register ${missing.length === 1 ? "it" : "them"} under Tools first, or remove ${missing.length === 1 ? "it" : "them"} from this agent.`,
    );
  }
  const row = agentDefinitionRow({
    ...input,
    tools,
    updatedBy: actor,
    updatedAt: (ctx.now?.() ?? new Date()).toISOString(),
  });
  const written = await writeAtVersion(ctx, "agent", input.agentId, row, input.expectedVersion, actor);
  return agentDefinitionRowSchema.parse(written);
}

/** Registers (expectedVersion 0) or updates a tool in the registry. */
export async function saveTool(
  ctx: RegistryWriteContext,
  input: ToolInput,
  actor: string,
): Promise<RegisteredTool> {
  const row = registeredToolRow({
    ...input,
    updatedBy: actor,
    updatedAt: (ctx.now?.() ?? new Date()).toISOString(),
  });
  const written = await writeAtVersion(ctx, "tool", input.toolName, row, input.expectedVersion, actor);
  return registeredToolRowSchema.parse(written);
}

/** Enables or disables a registered agent or tool at the version the caller saw; the rest of the entry stays. */
export async function setRegistryEntryEnabled(
  ctx: RegistryWriteContext,
  change: EnabledChange,
  actor: string,
): Promise<AgentDefinition | RegisteredTool> {
  if (change.kind === "agent") {
    const stored = await current(ctx, "agent", change.id);
    if (!stored)
      throw new NotFoundError(`Agent ${change.id} is not registered, so it cannot be turned on or off.`);
    return saveAgentDefinition(
      ctx,
      { ...stored, enabled: change.enabled, expectedVersion: change.expectedVersion },
      actor,
    );
  }
  const stored = await current(ctx, "tool", change.id);
  if (!stored)
    throw new NotFoundError(`Tool ${change.id} is not registered, so it cannot be turned on or off.`);
  return saveTool(
    ctx,
    { ...stored, enabled: change.enabled, expectedVersion: change.expectedVersion },
    actor,
  );
}
