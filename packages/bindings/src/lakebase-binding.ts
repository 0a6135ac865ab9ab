/**
 * The binding every kit declares for its Lakebase database: LAKEBASE_ENDPOINT from the `postgres`
 * resource, which @appbase/db reads in Lakebase mode. Optional, because locally the kit runs on the
 * local Lakebase without it; on Databricks Apps the binding is always there.
 */
export function lakebaseEndpointBinding(description = "Lakebase endpoint of the kit's database") {
  return { resource: "postgres", type: "postgres", optional: true, description } as const;
}
