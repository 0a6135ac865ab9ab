import type { KitDefinition } from "@appbase/next-kit/define-kit";
import { kitResourcesFromAppEnv } from "./from-app-env.ts";
import { defineKitBundle, type KitBundleDeclaration } from "./kit-bundle.ts";
import { kitSyncedTables } from "./synced-tables.ts";

/** What a kit's bundle adds to its kit.ts: resource permissions other than the type's default. */
export interface KitBundleOptions {
  /** By resource key, e.g. `{ experiment: "CAN_EDIT" }` when the app writes to it. */
  permissions?: Record<string, string>;
}

/**
 * A kit's bundle declaration from its kit.ts: id, title, description, resources and app.yaml env
 * from its app env, the matrix's grants and its served tables as synced tables. bundles/<kit>/bundle.ts
 * is `export default kitBundle(kit)`.
 */
export function kitBundle(kit: KitDefinition, options: KitBundleOptions = {}): KitBundleDeclaration {
  return defineKitBundle({
    kit: kit.id,
    title: kit.title,
    description: kit.description,
    resources: kitResourcesFromAppEnv(kit.appEnv, options.permissions),
    env: kit.appEnv.appYamlEnv(),
    matrix: kit.matrix,
    syncedTables: kitSyncedTables(kit.servedTables),
  });
}
