export { decodeLocalIdentity, encodeLocalIdentity, LOCAL_IDENTITY_COOKIE } from "./local-cookie.ts";
export {
  type IdentityOptions,
  type IdentityRequest,
  resolveIdentity,
  UnauthenticatedError,
} from "./resolve.ts";
export {
  type Identity,
  type IdentityMode,
  type IdentitySource,
  type LocalPerson,
  localPersonSchema,
} from "./types.ts";
