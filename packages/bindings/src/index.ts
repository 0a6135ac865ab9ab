export {
  type AppYamlExpectations,
  fromBundleAppConfig,
  generateAppYaml,
  parseAppYaml,
  toBundleAppConfig,
  validateAppYaml,
} from "./app-yaml.ts";
export {
  type AppYaml,
  type AppYamlEnvEntry,
  AppYamlError,
  type AppYamlProblem,
  appYamlSchema,
  type BundleAppConfig,
  type BundleAppEnvVar,
  bundleAppConfigSchema,
} from "./app-yaml-schema.ts";
export {
  type AppEnv,
  type AppEnvCheck,
  type AppEnvDeclaration,
  type AppEnvValues,
  type BindingDeclaration,
  defineAppEnv,
  type ValueDeclaration,
} from "./define-app-env.ts";
export { AppEnvError, type EnvIssue, type EnvRecord } from "./env-issues.ts";
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
export { lakebaseEndpointBinding } from "./lakebase-binding.ts";
export { lakebaseProjectId, syncedTablesCatalog, syncedTablesCatalogOf } from "./lakebase-names.ts";
export {
  type DefaultLocalResourcesOptions,
  defaultLocalResources,
  describeLocalResource,
  LOCAL_LAKEBASE_ENDPOINT,
  localDefaultValue,
  localResourcesFile,
  readLocalResources,
  resolveValueFrom,
  writeLocalResources,
} from "./local-resources.ts";
export {
  type LocalPostgresConnection,
  type LocalResource,
  type LocalResourceMap,
  LocalResourcesError,
  localResourceMapSchema,
  localResourceSchema,
  parseLocalResources,
} from "./local-resources-schema.ts";
export {
  type AppsPlatformEnv,
  appsPlatformEnvSchema,
  type LakebasePgEnv,
  lakebasePgEnvSchema,
  loadAppsPlatformEnv,
  loadLakebasePgEnv,
  loadTelemetryEnv,
  type TelemetryEnv,
  telemetryEnvSchema,
} from "./platform-env.ts";
export { databricksHostSchema, normalizeDatabricksHost, portSchema } from "./platform-env-fields.ts";
export {
  forbiddenAppYamlVariables,
  type PlatformVariableGroup,
  type PlatformVariableName,
  platformInjectedVariables,
  platformVariables,
} from "./platform-variables.ts";
export { type RequestHeaders, type ResolveIdentityOptions, resolveIdentity } from "./resolve-identity.ts";
export {
  type BundleResourceKind,
  formatPostgresEndpointPath,
  type PostgresEndpointPath,
  parsePostgresEndpointPath,
  type ResourceType,
  type ResourceTypeInfo,
  resourceKeySchema,
  resourceTypeInfo,
  resourceTypeSchema,
  resourceTypes,
} from "./resource-types.ts";
export { type RunningBranch, runningBranch } from "./running-branch.ts";
export { detectRuntimeMode, type RuntimeMode } from "./runtime-mode.ts";
export { type SimulatePlatformEnvOptions, simulatePlatformEnv } from "./simulate-platform-env.ts";
