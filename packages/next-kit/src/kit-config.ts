import type { Identity, LocalUser, RuntimeMode } from "@appbase/bindings";
import type { KitMatrix } from "@appbase/grants";
import type { IdentityRequest } from "./identity/resolve.ts";

/** Everything a kit tells next-kit once: its matrix, identity sources and how to read a request. */
export interface KitRuntimeConfig<P extends string> {
  mode: RuntimeMode;
  /** The kit's grant matrix from `@appbase/grants`: the only source of permissions. */
  matrix: KitMatrix<P>;
  localUsers: readonly LocalUser[];
  /**
   * The workspace (DATABRICKS_HOST). In Apps mode a forwarded user's groups are then read from SCIM
   * `Me` with their forwarded token (Apps forwards no groups; the matrix gives roles by group).
   */
  workspaceHost?: string;
  /** Replaces the SCIM lookup (e.g. a directory of your own); see IdentityOptions.groupsForUser. */
  groupsForUser?: (identity: Identity) => Promise<readonly string[]>;
  logger?: Pick<Console, "warn" | "error" | "info">;
  /** Reads headers and the switcher cookie of the current request; defaults to `next/headers`. */
  requestContext?: () => Promise<IdentityRequest>;
}
