import type { Identity } from "@appbase/bindings";

/** A request's user as a kit sees it: the bindings identity plus the groups and roles the grant matrix reads. */
export interface KitIdentity extends Identity {
  groups: readonly string[];
  /** The kit roles these groups (or a named-user binding) give, for display; checks use the matrix. */
  roles: readonly string[];
}
