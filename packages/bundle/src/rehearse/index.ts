export { type AppsEnvOptions, appsEnv, resolveCommand } from "./apps-env.ts";
export { type AppsProxy, type ForwardedUser, startAppsProxy } from "./apps-proxy.ts";
export { bundleResourceTypes } from "./bundle-resource-types.ts";
export {
  type LocalWorkspaceApi,
  type LocalWorkspaceApiOptions,
  startLocalWorkspaceApi,
  type WorkspaceApiCounters,
} from "./local-workspace-api.ts";
export { type RehearsalReport, type RehearseKitOptions, rehearseKit } from "./rehearse-kit.ts";
export { type RunningApp, type StartStagedAppOptions, startStagedApp } from "./run-staged-app.ts";
export {
  builtinChecks,
  runBuiltinSmoke,
  runPlaywrightSmoke,
  type SmokeCheck,
  type SmokeResult,
  smokeSpecPath,
} from "./smoke.ts";
