export { type AppsEnvOptions, appsEnv, resolveCommand } from "./apps-env.ts";
export {
  type LocalWorkspaceApi,
  type LocalWorkspaceApiOptions,
  startLocalWorkspaceApi,
  type WorkspaceApiCounters,
} from "./local-workspace-api.ts";
export { type RunningApp, type StartStagedAppOptions, startStagedApp } from "./run-staged-app.ts";
