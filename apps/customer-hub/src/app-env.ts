import { defineAppEnv } from "@appbase/bindings";

/** Every resource the Customer Intelligence Hub binds in app.yaml; bundles/customer-hub/bundle.ts generates the bundle from it. */
export const customerHubAppEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: {
      resource: "postgres",
      type: "postgres",
      // Locally the kit runs on the local Lakebase without it; on Databricks Apps the binding is always there.
      optional: true,
      description: "Lakebase endpoint of the kit's database",
    },
    GENIE_SPACE_ID: {
      resource: "genie-space",
      type: "genie_space",
      optional: true,
      description: "Genie space behind the 'Ask about customers' panel",
    },
  },
});
