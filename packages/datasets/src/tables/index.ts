import type { PgTable } from "drizzle-orm/pg-core";
import { agentDefinitions } from "./agents/agent-definitions.ts";
import { messages } from "./agents/messages.ts";
import { threads } from "./agents/threads.ts";
import { toolCalls } from "./agents/tool-calls.ts";
import { tools } from "./agents/tools.ts";
import { customerFeatures } from "./customer/customer-features.ts";
import { customers } from "./customer/customers.ts";
import { interactions } from "./customer/interactions.ts";
import { assetScores } from "./operations/asset-scores.ts";
import { assets } from "./operations/assets.ts";
import { sites } from "./operations/sites.ts";
import { workOrders } from "./operations/work-orders.ts";
import { alerts } from "./risk/alerts.ts";
import { entities } from "./risk/entities.ts";
import { policies } from "./risk/policies.ts";
import { riskScores } from "./risk/risk-scores.ts";
import { syncedTablesOf } from "./synced-tables.ts";

export * from "./schemas.ts";
export { type ServedSyncedTable, syncedTablesOf } from "./synced-tables.ts";
export {
  agentDefinitions,
  alerts,
  assetScores,
  assets,
  customerFeatures,
  customers,
  entities,
  interactions,
  messages,
  policies,
  riskScores,
  sites,
  threads,
  toolCalls,
  tools,
  workOrders,
};

/** Every served table by its qualified name `<schema>.<table>` (the synthetic registry's `domain.name`). */
export const servedTables: Record<string, PgTable> = {
  "customer.customers": customers,
  "customer.customer_features": customerFeatures,
  "customer.interactions": interactions,
  "agents.tools": tools,
  "agents.agent_definitions": agentDefinitions,
  "agents.threads": threads,
  "agents.messages": messages,
  "agents.tool_calls": toolCalls,
  "risk.entities": entities,
  "risk.risk_scores": riskScores,
  "risk.alerts": alerts,
  "risk.policies": policies,
  "operations.sites": sites,
  "operations.assets": assets,
  "operations.asset_scores": assetScores,
  "operations.work_orders": workOrders,
};

/**
 * The synced-table declarations of every served table, from the drizzle declarations above: what
 * `appbase up` and `appbase sync` run through the local Synced Tables engine, and what each kit's
 * bundle renders as `postgres_synced_tables`. One list, so both read the same declarations.
 */
export const servedSyncedTables = syncedTablesOf(servedTables);
