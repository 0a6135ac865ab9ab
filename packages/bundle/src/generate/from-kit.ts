import type { KitDefinition } from "@appbase/next-kit/define-kit";
import { kitResourcesFromAppEnv } from "./from-app-env.ts";
import { defineKitBundle, type KitBundleDeclaration } from "./kit-bundle.ts";
import { kitSyncedTables } from "./synced-tables.ts";
import { userApiScopesOf } from "./user-api-scopes.ts";

/** What a kit's bundle adds to its kit.ts: resource permissions other than the type's default, optional resources bound. */
export interface KitBundleOptions {
  /** By resource key, e.g. `{ experiment: "CAN_EDIT" }` when the app writes to it. */
  permissions?: Record<string, string>;
  /**
   * The optional resources (by key) this bundle binds. The others are left out of databricks.yml and
   * app.yaml, so the kit deploys without them and its pages say what is not bound.
   */
  bind?: readonly string[];
}

/**
 * A kit's bundle declaration from its kit.ts: id, title, description, resources and app.yaml env
 * from its app env, the matrix's grants and its served tables as synced tables. bundles/<kit>/bundle.ts
 * is `export default kitBundle(kit)`.
 */
export function kitBundle(kit: KitDefinition, options: KitBundleOptions = {}): KitBundleDeclaration {
  const bindings = Object.values(kit.appEnv.declaration.bindings);
  const unknown = (options.bind ?? []).filter(
    (key) => !bindings.some((b) => b.optional && b.resource === key),
  );
  if (unknown.length > 0) {
    throw new Error(
      `${kit.id} bundle: bind ${unknown.join(", ")}: not an optional resource of the kit (optional: ${
        bindings
          .filter((b) => b.optional)
          .map((b) => b.resource)
          .join(", ") || "none"
      })`,
    );
  }
  // A resource stays when a required binding names it, or the bundle binds it. Lakebase is optional
  // only for local runs (lakebaseEndpointBinding); a deployed kit always has its database.
  const isBound = (b: (typeof bindings)[number]) =>
    !b.optional || b.type === "postgres" || options.bind?.includes(b.resource) === true;
  const kept = new Set(bindings.filter(isBound).map((b) => b.resource));
  const resources = kitResourcesFromAppEnv(kit.appEnv, options.permissions).filter((r) => kept.has(r.key));
  return defineKitBundle({
    kit: kit.id,
    title: kit.title,
    description: kit.description,
    resources,
    env: kit.appEnv.appYamlEnv({ resourceKeys: [...kept] }),
    matrix: kit.matrix,
    syncedTables: kitSyncedTables(kit.servedTables),
    userApiScopes: userApiScopesOf(bindings.filter((b) => kept.has(b.resource))),
  });
}
