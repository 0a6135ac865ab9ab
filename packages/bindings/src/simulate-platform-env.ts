import type { AppYaml } from "./app-yaml-schema.ts";
import { type LocalResourceMap, LocalResourcesError } from "./local-resources-schema.ts";
import { normalizeDatabricksHost } from "./platform-env-fields.ts";
import type { PlatformVariableName } from "./platform-variables.ts";

export interface SimulatePlatformEnvOptions {
  appName: string;
  port: number;
  resources: LocalResourceMap;
  /** Used to pick "the first database resource" the way the platform does: the first `postgres` the app binds. */
  appYaml?: AppYaml;
  /** Overrides `resources.platformUrl` as DATABRICKS_HOST. */
  platformUrl?: string;
  workspaceId?: string;
  clientId?: string;
  clientSecret?: string;
  file?: string;
}

function firstPostgres(options: SimulatePlatformEnvOptions) {
  const { resources } = options.resources;
  const bound = (options.appYaml?.env ?? [])
    .map((entry) => (entry.valueFrom === undefined ? undefined : resources[entry.valueFrom]))
    .find((resource) => resource?.type === "postgres");
  if (options.appYaml) return bound;
  return Object.values(resources).find((resource) => resource.type === "postgres");
}

/**
 * The variables Databricks Apps would inject, built from the local map, for a local rehearsal in true Apps mode.
 * The `PG*` set describes the app's first `postgres` resource, as on the platform.
 */
export function simulatePlatformEnv(
  options: SimulatePlatformEnvOptions,
): Partial<Record<PlatformVariableName, string>> {
  const file = options.file ?? ".appbase/resources.json";
  const host = options.platformUrl ?? options.resources.platformUrl;
  if (host === undefined) {
    throw new LocalResourcesError(
      file,
      ['platformUrl is missing: set "platformUrl" to the local platform process URL, or pass platformUrl'],
      "cannot stand in for Databricks Apps",
    );
  }
  const env: Partial<Record<PlatformVariableName, string>> = {
    DATABRICKS_APP_NAME: options.appName,
    DATABRICKS_WORKSPACE_ID: options.workspaceId ?? "0",
    DATABRICKS_HOST: normalizeDatabricksHost(host),
    DATABRICKS_APP_PORT: String(options.port),
    DATABRICKS_CLIENT_ID: options.clientId ?? "appbase-local-client",
    DATABRICKS_CLIENT_SECRET: options.clientSecret ?? "appbase-local-client-secret",
  };
  const postgres = firstPostgres(options);
  if (postgres?.local) {
    const url = new URL(postgres.local.url);
    env.PGAPPNAME = options.appName;
    env.PGHOST = url.hostname;
    env.PGPORT = url.port || "5432";
    env.PGDATABASE = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
    env.PGUSER = decodeURIComponent(url.username) || "postgres";
    env.PGSSLMODE = url.searchParams.get("sslmode") ?? "disable";
  }
  return env;
}
