import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AppYaml } from "./app-yaml-schema.ts";
import type { BindingDeclaration } from "./define-app-env.ts";
import {
  type LocalResource,
  type LocalResourceMap,
  LocalResourcesError,
  parseLocalResources,
} from "./local-resources-schema.ts";
import { type ResourceType, resourceTypeInfo, resourceTypes } from "./resource-types.ts";

/** The endpoint path the local Lakebase answers to. */
export const LOCAL_LAKEBASE_ENDPOINT = "projects/appbase-local/branches/main/endpoints/primary";

/** `<stateDir>/resources.json`, where the local resource map lives by default. */
export function localResourcesFile(stateDir: string): string {
  return join(stateDir, "resources.json");
}

/** Reads and validates a local resource map; a missing or invalid file gives an error naming the file. */
export async function readLocalResources(file: string): Promise<LocalResourceMap> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new LocalResourcesError(
      file,
      [
        "the file is missing: start the local platform (it writes the default map) or write one with writeLocalResources()",
      ],
      "cannot be read",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LocalResourcesError(file, [`not valid JSON: ${(error as Error).message}`], "cannot be read");
  }
  return parseLocalResources(json, file);
}

/** Validates and writes a local resource map (atomically, so a reader never sees half a file). */
export async function writeLocalResources(file: string, map: LocalResourceMap): Promise<void> {
  const valid = parseLocalResources(map, file);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(valid, null, 2)}\n`, "utf8");
  await rename(temporary, file);
}

const kebab = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const snake = (key: string) =>
  key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/** A stable numeric id per key, so local job and experiment ids do not change between runs. */
function numericId(key: string): string {
  let hash = 0x811c9dc5;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return String(100_000_000 + (hash % 900_000_000));
}

/** The value a resource of `type` under `key` gets locally. */
export function localDefaultValue(type: ResourceType, key: string, lakebaseUrl: string): string {
  switch (type) {
    case "postgres":
      return LOCAL_LAKEBASE_ENDPOINT;
    case "database":
      return new URL(lakebaseUrl).hostname;
    case "sql_warehouse":
      // One local lakehouse stands in for every warehouse.
      return "local-warehouse";
    case "genie_space":
    case "serving_endpoint":
    case "app":
      return `local-${kebab(key)}`;
    case "secret":
      return `local-${kebab(key)}-value`;
    case "job":
    case "experiment":
      return numericId(`${type}:${key}`);
    case "uc_table":
      return `appbase_local.default.${snake(key)}`;
    case "uc_volume":
      return `/Volumes/appbase_local/default/${snake(key)}`;
    case "uc_connection":
      return `local_${snake(key)}`;
  }
}

export interface DefaultLocalResourcesOptions {
  /** How local processes reach the local Lakebase (or any Postgres). */
  lakebaseUrl: string;
  /** The local platform process, standing in for DATABRICKS_HOST. */
  platformUrl?: string;
  /** Also add an entry for every resource key these bindings use (e.g. `appEnv.declaration.bindings`). */
  bindings?: Record<string, BindingDeclaration>;
}

/** A sensible local map: one resource per type under its type name, plus any resource keys the bindings use. */
export function defaultLocalResources(options: DefaultLocalResourcesOptions): LocalResourceMap {
  const resources: Record<string, LocalResource> = {};
  const add = (key: string, type: ResourceType) => {
    const resource: LocalResource = { type, value: localDefaultValue(type, key, options.lakebaseUrl) };
    if (type === "postgres") resource.local = { url: options.lakebaseUrl };
    resources[key] = resource;
  };
  for (const type of resourceTypes) add(type, type);
  for (const binding of Object.values(options.bindings ?? {})) add(binding.resource, binding.type);
  const map: LocalResourceMap = { version: 1, resources };
  if (options.platformUrl !== undefined) map.platformUrl = options.platformUrl;
  return parseLocalResources(map, "default local resource map");
}

/** The env record Databricks Apps would build from app.yaml's `env`, with `valueFrom` resolved from the local map. */
export function resolveValueFrom(
  appYaml: AppYaml,
  resourceMap: LocalResourceMap,
  options: { file?: string } = {},
): Record<string, string> {
  const file = options.file ?? ".appbase/resources.json";
  const env: Record<string, string> = {};
  const problems: string[] = [];
  for (const entry of appYaml.env) {
    if (entry.valueFrom === undefined) {
      env[entry.name] = entry.value ?? "";
      continue;
    }
    const resource = resourceMap.resources[entry.valueFrom];
    if (resource) {
      env[entry.name] = resource.value;
      continue;
    }
    const known = Object.keys(resourceMap.resources).join(", ") || "none";
    problems.push(
      `${entry.name} has valueFrom: ${entry.valueFrom}, but ${file} has no resource \`${entry.valueFrom}\` ` +
        `(it has: ${known}); add "${entry.valueFrom}": { "type": "<resource type>", "value": "…" } to its "resources"`,
    );
  }
  if (problems.length > 0) throw new LocalResourcesError(file, problems, "cannot resolve app.yaml");
  return env;
}

/** Describes what a resource resolves to, for logs and the resource list in the CLI. */
export function describeLocalResource(key: string, resource: LocalResource): string {
  const info = resourceTypeInfo[resource.type];
  const value = info.sensitive ? "(sensitive)" : resource.value;
  return `${key}: ${info.label} → ${info.resolvesTo} ${value}`;
}
