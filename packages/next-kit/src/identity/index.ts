export { LOCAL_IDENTITY_COOKIE, type LocalUser } from "@appbase/bindings";
export { type IdentityOptions, type IdentityRequest, resolveKitIdentity } from "./resolve.ts";
export type { KitIdentity } from "./types.ts";
export { workspaceGroups } from "./workspace-groups.ts";
