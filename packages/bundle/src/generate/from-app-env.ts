import type { AppEnv, AppEnvDeclaration } from "@appbase/bindings";
import { type KitResource, type KitResourceType, kitResourceTypes } from "./kit-bundle.ts";

const isKitResourceType = (type: string): type is KitResourceType =>
  (kitResourceTypes as readonly string[]).includes(type);

/** The app resources a kit's `defineAppEnv` declaration binds, one per resource key, for its bundle. */
export function kitResourcesFromAppEnv(
  appEnv: AppEnv<AppEnvDeclaration>,
  permissions: Record<string, string> = {},
): KitResource[] {
  const byKey = new Map<string, KitResource>();
  for (const [variable, binding] of Object.entries(appEnv.declaration.bindings)) {
    const type = binding.type;
    if (!isKitResourceType(type)) {
      throw new Error(
        `${variable}: resource type "${type}" has no Lakebase Autoscaling bundle form here; bind one of ` +
          `${kitResourceTypes.join(", ")} instead`,
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
      type,
      description: binding.description,
    };
    const permission = permissions[binding.resource];
    if (permission) resource.permission = permission;
    byKey.set(binding.resource, resource);
  }
  return [...byKey.values()];
}
