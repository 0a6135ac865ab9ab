import { defineAppEnv } from "@appbase/bindings";

/** The Starter's resources: its Lakebase database (LAKEBASE_ENDPOINT is what @appbase/db reads in Lakebase mode). */
export const starterAppEnvDeclaration = {
  bindings: {
    LAKEBASE_ENDPOINT: {
      resource: "postgres",
      type: "postgres",
      // Locally the kit runs on the local Lakebase without it; on Databricks Apps the binding is always there.
      optional: true,
      description: "Lakebase endpoint of the kit's database",
    },
  },
} as const;

/** The same declaration as a live `defineAppEnv`, for generating the bundle at scaffold time. */
export const starterAppEnv = defineAppEnv(starterAppEnvDeclaration);
