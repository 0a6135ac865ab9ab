import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";

/** The Starter's resources (its Lakebase database), for generating a new kit's bundle at scaffold time. */
export const starterAppEnv = defineAppEnv({ bindings: { LAKEBASE_ENDPOINT: lakebaseEndpointBinding() } });
