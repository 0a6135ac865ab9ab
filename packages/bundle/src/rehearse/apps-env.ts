import {
  type AppYaml,
  type LocalResourceMap,
  resolveValueFrom,
  simulatePlatformEnv,
} from "@appbase/bindings";

/** The few variables of the caller's environment a rehearsed app keeps: enough to find `node`, nothing more. */
const HOST_VARIABLES = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"] as const;

export interface AppsEnvOptions {
  appYaml: AppYaml;
  appName: string;
  port: number;
  resources: LocalResourceMap;
  /** The local workspace API (DATABRICKS_HOST). */
  platformUrl: string;
  clientId: string;
  clientSecret: string;
  /** The caller's environment, of which only PATH/HOME/TMPDIR/LANG/TZ pass through. */
  hostEnv: Record<string, string | undefined>;
  resourcesFile?: string;
}

/**
 * The environment Databricks Apps would give the app: app.yaml's `env` with `valueFrom` resolved from the
 * local resource map, plus the injected variables (DATABRICKS_*, PG* for the first postgres resource).
 * Nothing else from the developer's shell leaks in, so an unbound variable shows up as missing.
 */
export function appsEnv(options: AppsEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of HOST_VARIABLES) {
    const value = options.hostEnv[name];
    if (value !== undefined) env[name] = value;
  }
  const fileOption = options.resourcesFile ? { file: options.resourcesFile } : {};
  Object.assign(env, resolveValueFrom(options.appYaml, options.resources, fileOption));
  const platform = simulatePlatformEnv({
    appName: options.appName,
    port: options.port,
    resources: options.resources,
    appYaml: options.appYaml,
    platformUrl: options.platformUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...fileOption,
  });
  for (const [name, value] of Object.entries(platform)) if (value !== undefined) env[name] = value;
  return env;
}

const PORT_REFERENCE = /\$\{?DATABRICKS_APP_PORT\}?/g;

/** The command as the platform runs it: no shell, only DATABRICKS_APP_PORT substituted. */
export function resolveCommand(command: readonly string[], port: number): { file: string; args: string[] } {
  const [file, ...args] = command.map((part) => part.replace(PORT_REFERENCE, String(port)));
  if (!file)
    throw new Error("app.yaml command is empty: give the program and its arguments, e.g. [node, start.mjs]");
  return { file, args };
}
