import { agentOpsAppEnv as appEnv } from "@appbase/agent-ops/app-env";
import { defineKitBundle, kitResourcesFromAppEnv, syncedTablesFromServed } from "@appbase/bundle/generate";
import { servedSyncedTables } from "@appbase/datasets";
import { agentOpsMatrix } from "@appbase/grants/kits";

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
