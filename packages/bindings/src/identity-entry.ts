// `@appbase/bindings/identity`: request identity without the file-system code of the main entry,
// so it can be imported where only identity is needed (middleware, route wrappers).
export {
  defineLocalUsers,
  forwardedIdentityHeaders,
  type Identity,
  IdentityError,
  IdentityRefusedError,
  LOCAL_IDENTITY_COOKIE,
  type LocalUser,
  localUserSchema,
  localUsersSchema,
} from "./identity.ts";
export { type RequestHeaders, type ResolveIdentityOptions, resolveIdentity } from "./resolve-identity.ts";
export { detectRuntimeMode, type RuntimeMode } from "./runtime-mode.ts";
