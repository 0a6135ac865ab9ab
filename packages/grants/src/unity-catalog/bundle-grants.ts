import type { KitMatrix, UcGrant } from "../matrix.ts";
import type { UcPrivilege } from "../privileges.ts";
import { resolveUcGrants, type UcBinding } from "./uc-grants.ts";

/** One entry of a bundle `grants:` list (`catalog.PrivilegeAssignment` in the bundle schema). */
export interface BundlePrivilegeAssignment {
  readonly principal: string;
  readonly privileges: UcPrivilege[];
}

/** The `resources` fragment a kit bundle merges in: schemas/volumes/catalogs it manages, with grants. */
export interface BundleGrantResources {
  catalogs?: Record<string, { name: string; grants: BundlePrivilegeAssignment[] }>;
  schemas: Record<
    string,
    { catalog_name: string; name: string; comment: string; grants: BundlePrivilegeAssignment[] }
  >;
  volumes: Record<
    string,
    {
      catalog_name: string;
      schema_name: string;
      name: string;
      volume_type: "MANAGED";
      grants: BundlePrivilegeAssignment[];
    }
  >;
}

export interface BundleGrantOptions extends UcBinding {
  /** Emit a `catalogs` resource with the catalog grants; off by default because kits share the catalog. */
  readonly manageCatalog?: boolean;
  /** Resource key for the catalog when `manageCatalog` is on. */
  readonly catalogKey?: string;
}

/** The bundle reference to an app's service principal, e.g. for `appPrincipal`. */
export function bundleAppPrincipalRef(appResourceKey: string): string {
  return `\${resources.apps.${appResourceKey}.service_principal_client_id}`;
}

/** Whether the kit's bundle carries this grant (otherwise it is applied as SQL by the catalog owner). */
export function bundleCarries(grant: UcGrant, matrix: KitMatrix, manageCatalog = false): boolean {
  if (grant.on.type === "catalog") return manageCatalog;
  if (grant.on.type === "table") return false;
  const schema = grant.on.schema;
  return matrix.unityCatalog.schemas.some((s) => s.name === schema && s.managedByBundle);
}

function assignments(grants: readonly UcGrant[], binding: UcBinding): BundlePrivilegeAssignment[] {
  return resolveUcGrants(grants, binding).map((g) => ({ principal: g.principal, privileges: g.privileges }));
}

/** Bundle `grants:` blocks for the kit's managed schemas (and volumes, and optionally the catalog). */
export function bundleGrantResources(matrix: KitMatrix, options: BundleGrantOptions): BundleGrantResources {
  const grants = matrix.unityCatalog.grants;
  const out: BundleGrantResources = { schemas: {}, volumes: {} };
  for (const schema of matrix.unityCatalog.schemas.filter((s) => s.managedByBundle)) {
    out.schemas[schema.name] = {
      catalog_name: options.catalog,
      name: schema.name,
      comment: schema.description,
      grants: assignments(
        grants.filter((g) => g.on.type === "schema" && g.on.schema === schema.name),
        options,
      ),
    };
    const volumes = new Set(
      grants.flatMap((g) => (g.on.type === "volume" && g.on.schema === schema.name ? [g.on.volume] : [])),
    );
    for (const volume of volumes) {
      out.volumes[`${schema.name}_${volume}`] = {
        catalog_name: options.catalog,
        schema_name: `\${resources.schemas.${schema.name}.name}`,
        name: volume,
        volume_type: "MANAGED",
        grants: assignments(
          grants.filter(
            (g) => g.on.type === "volume" && g.on.schema === schema.name && g.on.volume === volume,
          ),
          options,
        ),
      };
    }
  }
  if (options.manageCatalog) {
    out.catalogs = {
      [options.catalogKey ?? "catalog"]: {
        name: options.catalog,
        grants: assignments(
          grants.filter((g) => g.on.type === "catalog"),
          options,
        ),
      },
    };
  }
  return out;
}
