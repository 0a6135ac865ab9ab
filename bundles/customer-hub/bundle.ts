import { defineAppEnv } from "@appbase/bindings";
import { defineKitBundle, kitResourcesFromAppEnv, syncedTablesFromServed } from "@appbase/bundle/generate";
import { servedSyncedTables } from "@appbase/datasets";
import { customerHubMatrix } from "@appbase/grants/kits";

// What the kit reads from its resources: the kit's own `customerHubAppEnv` (apps/customer-hub/src/env.ts,
// mirrored here until the kit exports it) plus LAKEBASE_ENDPOINT, which @appbase/db reads in Lakebase mode.
// The gate fails if the kit reads a variable this app.yaml does not bind.
const appEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: {
      resource: "postgres",
      type: "postgres",
      description: "Lakebase endpoint of the kit's database",
    },
    GENIE_SPACE_ID: {
      resource: "genie-space",
      type: "genie_space",
      optional: true,
      description: "Genie space behind the 'Ask about customers' panel",
    },
  },
});

/** The Customer Intelligence Hub bundle: Lakebase with synced Customer 360, Genie and UC grants. */
export default defineKitBundle({
  kit: "customer-hub",
  title: "Customer Intelligence Hub",
  description: "Governed Customer 360 with notes, statuses and workflow in Lakebase",
  resources: kitResourcesFromAppEnv(appEnv),
  env: appEnv.appYamlEnv(),
  matrix: customerHubMatrix,
  syncedTables: syncedTablesFromServed(servedSyncedTables, { schema: "customer" }),
});
