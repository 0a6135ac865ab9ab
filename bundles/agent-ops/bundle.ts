import { defineAppEnv } from "@appbase/bindings";
import { defineKitBundle, kitResourcesFromAppEnv, syncedTablesFromServed } from "@appbase/bundle/generate";
import { servedTables } from "@appbase/datasets";
import { agentOpsMatrix } from "@appbase/grants/kits";

// What the kit reads from its resources: the kit's own `agentOpsAppEnv` (apps/agent-ops/src/env.ts,
// no bindings yet) plus LAKEBASE_ENDPOINT, which @appbase/db reads in Lakebase mode.
const appEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: {
      resource: "postgres",
      type: "postgres",
      description: "Lakebase endpoint of the kit's database (agent state, checkpoints, review queue)",
    },
  },
});

/** The AI Agent Operations Center bundle: Lakebase for agent state and review, synced agent registries. */
export default defineKitBundle({
  kit: "agent-ops",
  title: "AI Agent Operations Center",
  description: "Agent threads, checkpoints, tool calls and a review queue over Lakebase",
  resources: kitResourcesFromAppEnv(appEnv),
  env: appEnv.appYamlEnv(),
  matrix: agentOpsMatrix,
  syncedTables: syncedTablesFromServed(servedTables, { schema: "agents" }),
});
