import { defineKitBundle, kitResourcesFromAppEnv, syncedTablesFromServed } from "@appbase/bundle/generate";
import { customerHubAppEnv as appEnv } from "@appbase/customer-hub/app-env";
import { servedSyncedTables } from "@appbase/datasets";
import { customerHubMatrix } from "@appbase/grants/kits";

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
