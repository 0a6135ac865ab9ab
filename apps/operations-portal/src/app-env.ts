import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";
import { linkedKitBindings } from "@appbase/next-kit/links";

/** Every resource the Intelligent Operations Portal binds in app.yaml; bundles/operations-portal/bundle.ts generates the bundle from it. */
export const operationsPortalAppEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: lakebaseEndpointBinding(
      "Lakebase endpoint of the kit's database (work orders, alert queue, maintenance plans)",
    ),
    // Alerts are handed to Agent Ops' maintenance planner (its POST /api/runs); orders link to the thread.
    ...linkedKitBindings(["agent-ops"]),
  },
});
