import type { EnvRecord } from "./env-issues.ts";

// How a kit's bundle names its Lakebase project and the catalog its synced tables register in, per
// deploy target. One place, because the running app derives the catalog back from its bound endpoint.

/** The Lakebase project of `kit` in `target`, e.g. `customer-hub-dev`. */
export function lakebaseProjectId(kit: string, target: string): string {
  return `${kit}-${target}`;
}

/** The Lakebase catalog the kit's synced tables register in, e.g. `customer_hub_dev`. */
export function syncedTablesCatalog(kit: string, target: string): string {
  return `${kit.replace(/-/g, "_")}_${target}`;
}

/**
 * The synced tables' catalog of a deployed kit, from LAKEBASE_ENDPOINT
 * (`projects/<kit>-<target>/branches/…/endpoints/…`); undefined when the endpoint is unbound or is not
 * a project this kit's bundle made.
 */
export function syncedTablesCatalogOf(kit: string, env: EnvRecord): string | undefined {
  const project = /^projects\/([^/]+)\/branches\/[^/]+\/endpoints\/[^/]+$/.exec(
    env.LAKEBASE_ENDPOINT?.trim() ?? "",
  )?.[1];
  if (!project?.startsWith(`${kit}-`)) return undefined;
  const target = project.slice(kit.length + 1);
  return /^[A-Za-z0-9_-]+$/.test(target) ? syncedTablesCatalog(kit, target) : undefined;
}
