import type { IdentityOptions, IdentityRequest } from "./identity/resolve.ts";
import type { Identity, IdentityMode } from "./identity/types.ts";

/** Everything a kit tells next-kit once: its id, identity sources and the grant check. */
export interface KitRuntimeConfig<P extends string> {
  kit: string;
  mode: IdentityMode;
  identity: Omit<IdentityOptions, "mode">;
  /** The in-app permission check, from `@appbase/grants` for this kit's matrix. */
  authorize: (identity: Identity, permission: P) => boolean;
  logger?: Pick<Console, "warn" | "error" | "info">;
  /** Reads headers and the switcher cookie of the current request; defaults to `next/headers`. */
  requestContext?: () => Promise<IdentityRequest>;
}
