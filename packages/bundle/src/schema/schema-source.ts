import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleToolEnv } from "../env.ts";

/** Where the bundle JSON schema came from, so a report can say which one a bundle was checked against. */
export interface BundleSchemaSource {
  kind: "databricks-cli" | "APPBASE_BUNDLE_SCHEMA" | "shared";
  location: string;
}

export interface LoadedBundleSchema {
  schema: Record<string, unknown>;
  source: BundleSchemaSource;
}

interface LocateOptions {
  repoRoot: string;
  env?: NodeJS.ProcessEnv;
  /** Set to false to skip asking the Databricks CLI (tests pin the file). */
  useCli?: boolean;
}

function fromCli(cli: string): string | undefined {
  // The CLI prints the schema of exactly the version that will deploy, so it wins when present.
  const result = spawnSync(cli, ["bundle", "schema"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0 || !result.stdout.trim().startsWith("{")) return undefined;
  return result.stdout;
}

function parseSchema(text: string, where: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new Error(`The bundle schema at ${where} is not a JSON object (${(error as Error).message}).`);
  }
}

/** Loads the bundle JSON schema: `databricks bundle schema`, else APPBASE_BUNDLE_SCHEMA, else ../shared/databricks. */
export function loadBundleSchema(options: LocateOptions): LoadedBundleSchema {
  const env = bundleToolEnv(options.env);
  if (options.useCli !== false) {
    const cli = env.APPBASE_DATABRICKS_CLI ?? "databricks";
    const text = fromCli(cli);
    if (text)
      return {
        schema: parseSchema(text, `${cli} bundle schema`),
        source: { kind: "databricks-cli", location: cli },
      };
  }
  if (env.APPBASE_BUNDLE_SCHEMA) {
    const path = resolve(options.repoRoot, env.APPBASE_BUNDLE_SCHEMA);
    if (!existsSync(path)) {
      throw new Error(
        `APPBASE_BUNDLE_SCHEMA points at ${path}, which does not exist: fix the path or unset it.`,
      );
    }
    return {
      schema: parseSchema(readFileSync(path, "utf8"), path),
      source: { kind: "APPBASE_BUNDLE_SCHEMA", location: path },
    };
  }
  const shared = join(options.repoRoot, "..", "shared", "databricks", "bundle-jsonschema.json");
  if (!existsSync(shared)) {
    throw new Error(
      "No bundle JSON schema found: install the Databricks CLI (`databricks bundle schema`), or set " +
        `APPBASE_BUNDLE_SCHEMA to the schema file (looked for ${shared}).`,
    );
  }
  return {
    schema: parseSchema(readFileSync(shared, "utf8"), shared),
    source: { kind: "shared", location: shared },
  };
}
