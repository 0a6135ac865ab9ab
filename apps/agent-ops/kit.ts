import {
  agentDefinitions,
  alerts,
  assetScores,
  assets,
  customers,
  entities,
  interactions,
  messages,
  riskScores,
  threads,
  toolCalls,
  tools,
  workOrders,
} from "@appbase/datasets/tables";
import { defineKit } from "@appbase/next-kit/define-kit";
import { callingAppUser } from "@appbase/next-kit/links";
import { agentOpsAppEnv } from "./src/app-env.ts";
import { governedTables } from "./src/db/governed.ts";
import { agentOps } from "./src/db/schema/agent-ops-schema.ts";
import { agentOpsMatrix } from "./src/matrix.ts";

/** The AI Agent Operations Center: every tool (CLI, bundle, e2e, the kit's own server) reads this. */
export default defineKit({
  id: "agent-ops",
  title: "AI Agent Operations Center",
  description: "Review queue, threads and tool calls of the agents, from their LangGraph checkpoints.",
  port: 3102,
  schema: agentOps,
  matrix: agentOpsMatrix,
  appEnv: agentOpsAppEnv,
  // Two reviewers (to show claims are exclusive), an operator and an admin; the first is the default.
  localUsers: [
    {
      id: "olga",
      email: "olga.operator@example.com",
      displayName: "Olga Operator",
      groups: ["agent-ops-operators"],
    },
    {
      id: "rita",
      email: "rita.reviewer@example.com",
      displayName: "Rita Reviewer",
      groups: ["agent-ops-reviewers"],
    },
    {
      id: "ravi",
      email: "ravi.reviewer@example.com",
      displayName: "Ravi Reviewer",
      groups: ["agent-ops-reviewers"],
    },
    { id: "adam", email: "adam.admin@example.com", displayName: "Adam Admin", groups: ["agent-ops-admins"] },
    // The Operations Portal's app, as it hands an alert to an agent (its service principal on Databricks).
    callingAppUser("operations-portal", ["agent-ops-intake-apps"]),
  ],
  nav: [
    { href: "/queue", label: "Review queue" },
    { href: "/threads", label: "Threads" },
    { href: "/tools", label: "Tool calls" },
    { href: "/registry", label: "Registry" },
  ],
  // Other kits link to an agent thread by id (a hand-off's run, a case an agent filed).
  links: { thread: { path: "/threads/:id", label: "agent thread" } },
  // The agents' registries, and what their tools read: the support agent the order's customer,
  // risk triage the entity, its score history and open alerts, the maintenance planner the asset,
  // its scores and open work orders.
  servedTables: [
    tools,
    agentDefinitions,
    threads,
    messages,
    toolCalls,
    customers,
    interactions,
    entities,
    riskScores,
    alerts,
    assets,
    assetScores,
    workOrders,
  ],
  governed: governedTables,
  seed: async (ctx) => (await import("./src/seed.ts")).seedKit(ctx),
});
