import { e2eStateDir } from "../../shared/kits.ts";

/** Variables the customer-hub specs read: an explicit database URL, or the state folder of the running stack. */
export function hubSpecEnv() {
  return {
    databaseUrl: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL,
    stateDir: process.env.APPBASE_STATE_DIR ?? e2eStateDir,
    inherited: process.env,
  };
}
