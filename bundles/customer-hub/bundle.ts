import { defineAppEnv } from "@appbase/bindings";
import { defineKitBundle, kitResourcesFromAppEnv, syncedTablesFromServed } from "@appbase/bundle/generate";
import { servedTables } from "@appbase/datasets";
import { customerHubMatrix } from "@appbase/grants/kits";

// What the kit reads from its resources. Mirrors the kit's own env declaration; the gate fails if the
// kit reads a variable this app.yaml does not bind.
const appEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: {
      resource: "postgres",
      type: "postgres",
      description: "Lakebase endpoint of the kit's database",
    },
    DATABRICKS_WAREHOUSE_ID: {
      resource: "sql-warehouse",
      type: "sql_warehouse",
      description: "SQL warehouse for governed writes and lakehouse reads",
    },
    GENIE_SPACE_ID: {
      resource: "genie",
      type: "genie_space",
      description: "Genie space for questions about customers",
    },
  },
});

/** The Customer Intelligence Hub bundle: Lakebase with synced Customer 360, Genie, a warehouse, UC grants. */
export default defineKitBundle({
  kit: "customer-hub",
  title: "Customer Intelligence Hub",
  description: "Governed Customer 360 with notes, statuses and workflow in Lakebase",
  resources: kitResourcesFromAppEnv(appEnv),
  env: appEnv.appYamlEnv(),
  matrix: customerHubMatrix,
  syncedTables: syncedTablesFromServed(servedTables, { schema: "customer" }),
});
