import { type ResourceType, resourceTypeInfo, resourceTypes } from "@appbase/bindings";
import { loadBundle } from "../schema/load-bundle.ts";

// databricks.yml names a resource by its field (`sql_warehouse: {…}`), or for Unity Catalog
// securables by `uc_securable.securable_type`; bindings' resourceTypeInfo says which is which.
const FIELD_TYPES: Record<string, ResourceType> = {};
const SECURABLE_TYPES: Record<string, ResourceType> = {};
for (const type of resourceTypes) {
  const { field, securableType } = resourceTypeInfo[type].bundle;
  if (securableType) SECURABLE_TYPES[securableType] = type;
  else FIELD_TYPES[field] = type;
}

/** The app's resources (key → type) as the kit's databricks.yml declares them. */
export function bundleResourceTypes(bundleFile: string): Record<string, ResourceType> {
  const config = loadBundle(bundleFile).config as {
    resources?: { apps?: Record<string, { resources?: Record<string, unknown>[] }> };
  };
  const out: Record<string, ResourceType> = {};
  for (const app of Object.values(config.resources?.apps ?? {})) {
    for (const resource of app.resources ?? []) {
      const key = resource.name;
      if (typeof key !== "string") continue;
      for (const [field, type] of Object.entries(FIELD_TYPES)) if (field in resource) out[key] = type;
      const securable = resource.uc_securable as { securable_type?: string } | undefined;
      const mapped = securable?.securable_type ? SECURABLE_TYPES[securable.securable_type] : undefined;
      if (mapped) out[key] = mapped;
    }
  }
  return out;
}
