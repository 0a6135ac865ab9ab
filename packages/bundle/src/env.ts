import { z } from "zod";

/** The variables this package reads: all local-only tooling settings (never read by a deployed app). */
const bundleToolEnvSchema = z.object({
  /** Path of the bundle JSON schema when the Databricks CLI is not installed. */
  APPBASE_BUNDLE_SCHEMA: z.string().min(1).optional(),
  /** The Databricks CLI executable (default `databricks` on PATH). */
  APPBASE_DATABRICKS_CLI: z.string().min(1).optional(),
});

export type BundleToolEnv = z.output<typeof bundleToolEnvSchema>;

/** Reads and validates the bundle tooling's variables from `process.env` (the one place this package does). */
export function bundleToolEnv(env: NodeJS.ProcessEnv = process.env): BundleToolEnv {
  const parsed = bundleToolEnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Invalid bundle tooling variable(s) ${names}: unset them or give a non-empty path.`);
  }
  return parsed.data;
}

/** The environment to hand to child processes (Next build, the staged app): the caller's, copied. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** Bundle variables already supplied through the environment (`BUNDLE_VAR_<name>`, read by the Databricks CLI). */
export function bundleVariablesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith("BUNDLE_VAR_") && env[name] !== "")
    .map((name) => name.slice("BUNDLE_VAR_".length));
}
