import { defineAppEnv } from "@appbase/bindings";
import { defineKitBundle, kitResourcesFromAppEnv, syncedTablesFromServed } from "@appbase/bundle/generate";
import { servedSyncedTables } from "@appbase/datasets";
import { agentOpsMatrix } from "@appbase/grants/kits";

// What the kit reads from its resources: the kit's own `agentOpsAppEnv` (apps/agent-ops/src/env.ts,
// mirrored here until the kit exports it) plus LAKEBASE_ENDPOINT, which @appbase/db reads in Lakebase mode.
// The serving endpoint, experiment and warehouse are optional: without them the agents run the scripted
// model, assessments wait unbound, and the governed registry writes the local lakehouse.
const appEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: {
      resource: "postgres",
      type: "postgres",
      description: "Lakebase endpoint of the kit's database (agent state, checkpoints, review queue)",
    },
    SERVING_ENDPOINT_NAME: {
      resource: "serving-endpoint",
      type: "serving_endpoint",
      optional: true,
      description: "Chat model the agents call (OpenAI-compatible chat completions with tools)",
    },
    MLFLOW_EXPERIMENT_ID: {
      resource: "experiment",
      type: "experiment",
      optional: true,
      description: "MLflow experiment with the agents' traces; review decisions become assessments there",
    },
    DATABRICKS_WAREHOUSE_ID: {
      resource: "sql-warehouse",
      type: "sql_warehouse",
      optional: true,
      description: "SQL warehouse the governed registries' Governance Writer writes the lakehouse through",
    },
  },
});

// The agents' tools read these served tables (support: the order's customer; risk triage: the entity,
// its score history and open alerts), so they are synced into the kit's Lakebase too.
const toolReads: Record<string, readonly string[]> = {
  customer: ["customers", "interactions"],
  risk: ["entities", "risk_scores", "alerts"],
};

/** The AI Agent Operations Center bundle: Lakebase for agent state and review, synced agent registries. */
export default defineKitBundle({
  kit: "agent-ops",
  title: "AI Agent Operations Center",
  description: "Agent threads, checkpoints, tool calls and a review queue over Lakebase",
  // Assessments are writes to the experiment; the experiment type's default would be CAN_READ.
  resources: kitResourcesFromAppEnv(appEnv, { experiment: "CAN_EDIT" }),
  env: appEnv.appYamlEnv(),
  matrix: agentOpsMatrix,
  syncedTables: [
    ...syncedTablesFromServed(servedSyncedTables, { schema: "agents" }),
    ...Object.entries(toolReads).flatMap(([schema, tables]) =>
      syncedTablesFromServed(servedSyncedTables, { schema }).filter((t) => tables.includes(t.table)),
    ),
  ],
});
