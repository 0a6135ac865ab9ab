import type { Identity, LocalUser, RuntimeMode } from "@appbase/bindings";
import type { KitMatrix } from "@appbase/grants";
import type { IdentityRequest } from "./identity/resolve.ts";

/** Everything a kit tells next-kit once: its matrix, identity sources and how to read a request. */
export interface KitRuntimeConfig<P extends string> {
  mode: RuntimeMode;
  /** The kit's grant matrix from `@appbase/grants`: the only source of permissions. */
  matrix: KitMatrix<P>;
  localUsers: readonly LocalUser[];
  /** Workspace groups of a forwarded user (Apps mode); see IdentityOptions.groupsForUser. */
  groupsForUser?: (identity: Identity) => Promise<readonly string[]>;
  logger?: Pick<Console, "warn" | "error" | "info">;
  /** Reads headers and the switcher cookie of the current request; defaults to `next/headers`. */
  requestContext?: () => Promise<IdentityRequest>;
}
