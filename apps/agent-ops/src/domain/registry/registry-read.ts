import type { Queryable } from "@appbase/db";
import { type GovernanceWriter, outboxTable } from "@appbase/lakehouse/governance";
import { getTableConfig } from "drizzle-orm/pg-core";
import { governedAgentDefinition, governedToolRegistry } from "../../db/governed.ts";
import { agentDefinitionRowSchema, type Registry, registeredToolRowSchema } from "./registry-entry.ts";

/**
 * Both registries as Lakebase serves them. With the writer at hand, a row whose Lakebase copy has not
 * been delivered yet (the outbox still holds it) is read from silver instead, so an admin sees the
 * save they just made even while Lakebase lags.
 */
export async function listRegistry(pool: Queryable, writer?: GovernanceWriter | null): Promise<Registry> {
  const [agents, tools] = await Promise.all([
    pool.query("SELECT * FROM agent_ops.agent_definition ORDER BY agent_id"),
    pool.query("SELECT * FROM agent_ops.tool_registry ORDER BY tool_name"),
  ]);
  const agentRows = new Map(agents.rows.map((r) => [String(r.agent_id), r as Record<string, unknown>]));
  const toolRows = new Map(tools.rows.map((r) => [String(r.tool_name), r as Record<string, unknown>]));
  if (writer) {
    const lagging = await laggingRows(pool);
    for (const entry of lagging) {
      const target =
        entry.governedTable === governedAgentDefinition.id
          ? { table: governedAgentDefinition, rows: agentRows, key: "agent_id" }
          : entry.governedTable === governedToolRegistry.id
            ? { table: governedToolRegistry, rows: toolRows, key: "tool_name" }
            : null;
      if (!target) continue;
      const { row } = await writer.read(target.table, entry.rowKey);
      const id = String(entry.rowKey[target.key]);
      if (row) target.rows.set(id, row);
      else target.rows.delete(id);
    }
  }
  const byKey = <T>(rows: Map<string, Record<string, unknown>>, parse: (r: unknown) => T) =>
    [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => parse(r));
  return {
    agents: byKey(agentRows, (r) => agentDefinitionRowSchema.parse(r)),
    tools: byKey(toolRows, (r) => registeredToolRowSchema.parse(r)),
  };
}

const outbox = getTableConfig(outboxTable);

/** Rows of the registry whose Lakebase copy the outbox has not delivered yet (one query, any backlog size). */
async function laggingRows(
  pool: Queryable,
): Promise<{ governedTable: string; rowKey: Record<string, unknown> }[]> {
  const { rows } = await pool.query(
    `SELECT DISTINCT governed_table, row_key FROM "${outbox.schema}"."${outbox.name}"
      WHERE sink = 'lakebase' AND governed_table = ANY($1::text[])`,
    [[governedAgentDefinition.id, governedToolRegistry.id]],
  );
  return rows.map((r) => ({
    governedTable: String(r.governed_table),
    rowKey: r.row_key as Record<string, unknown>,
  }));
}
