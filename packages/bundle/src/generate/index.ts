export {
  appResourceFor,
  type BundleVariable,
  LAKEBASE_BRANCH_VARIABLE,
  LAKEBASE_KEYS,
  variableStem,
} from "./app-resources.ts";
export { kitBundleConfig, renderYaml, STAGED_APP_DIR } from "./databricks-yml.ts";
export { kitResourcesFromAppEnv } from "./from-app-env.ts";
export { type KitBundleOptions, kitBundle } from "./from-kit.ts";
export {
  DEFAULT_COMMAND,
  defineKitBundle,
  type KitBundleDeclaration,
  type KitResource,
  type KitResourceType,
  type SyncedTableDeclaration,
  snake,
} from "./kit-bundle.ts";
export { LAKEBASE_DATABASE, lakebaseResources } from "./lakebase-resources.ts";
export { kitSyncedTables } from "./synced-tables.ts";
export { type BundleDrift, kitBundleDrift, renderKitBundle, writeKitBundle } from "./write-kit-bundle.ts";
