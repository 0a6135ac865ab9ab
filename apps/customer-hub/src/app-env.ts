import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";

/** Every resource the Customer Intelligence Hub binds in app.yaml; bundles/customer-hub/bundle.ts generates the bundle from it. */
export const customerHubAppEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: lakebaseEndpointBinding(),
    GENIE_SPACE_ID: {
      resource: "genie-space",
      type: "genie_space",
      optional: true,
      calledAs: "user", // Genie answers with the signed-in user's data access (server/genie.ts)
      description: "Genie space behind the 'Ask about customers' panel",
    },
  },
});
