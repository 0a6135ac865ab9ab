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
import type { DatasetTable, Domain } from "./types.ts";

/** Every synthetic table, parents before children (the order to load them in). */
export const datasets: readonly DatasetTable[] = [
  customers,
  customerFeatures,
  interactions,
  tools,
  agentDefinitions,
  threads,
  messages,
  toolCalls,
  entities,
  riskScores,
  alerts,
  policies,
  sites,
  assets,
  assetScores,
  workOrders,
];

export const domains: readonly Domain[] = ["customer", "agents", "risk", "operations"];

/** Looks a table up by `domain.name` (e.g. `customer.customers`); throws naming the valid choices. */
export function getDataset(qualifiedName: string): DatasetTable {
  const found = datasets.find((d) => `${d.domain}.${d.name}` === qualifiedName);
  if (!found) {
    const known = datasets.map((d) => `${d.domain}.${d.name}`).join(", ");
    throw new Error(`dataset: unknown table "${qualifiedName}"; expected one of ${known}`);
  }
  return found;
}

/** The tables of one domain, in load order. */
export function datasetsOf(domain: Domain): DatasetTable[] {
  return datasets.filter((d) => d.domain === domain);
}
