import type { AppEnv, AppEnvDeclaration } from "@appbase/bindings";
import type { KitResource, KitResourceType } from "./kit-bundle.ts";

const BUNDLE_TYPES: readonly string[] = [
  "postgres",
  "sql_warehouse",
  "genie_space",
  "serving_endpoint",
  "secret",
  "job",
  "experiment",
  "uc_table",
  "uc_volume",
  "uc_connection",
];

/** The app resources a kit's `defineAppEnv` declaration binds, one per resource key, for its bundle. */
export function kitResourcesFromAppEnv(
  appEnv: AppEnv<AppEnvDeclaration>,
  permissions: Record<string, string> = {},
): KitResource[] {
  const byKey = new Map<string, KitResource>();
  for (const [variable, binding] of Object.entries(appEnv.declaration.bindings)) {
    if (!BUNDLE_TYPES.includes(binding.type)) {
      throw new Error(
        `${variable}: resource type "${binding.type}" has no Lakebase Autoscaling bundle form here; bind a postgres, ` +
          `sql_warehouse, genie_space, serving_endpoint, secret, job, experiment or uc_* resource instead`,
      );
    }
    const existing = byKey.get(binding.resource);
    if (existing && existing.type !== binding.type) {
      throw new Error(
        `${variable}: resource "${binding.resource}" is bound as ${existing.type} and ${binding.type}`,
      );
    }
    if (existing) continue;
    const resource: KitResource = {
      key: binding.resource,
      type: binding.type as KitResourceType,
      description: binding.description,
    };
    const permission = permissions[binding.resource];
    if (permission) resource.permission = permission;
    byKey.set(binding.resource, resource);
  }
  return [...byKey.values()];
}
