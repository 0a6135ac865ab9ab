import { z } from "zod";

/** One `env` item of app.yaml: `name` plus exactly one of `value` and `valueFrom` (a resource key). */
export interface AppYamlEnvEntry {
  name: string;
  value?: string;
  valueFrom?: string;
}

/** The Databricks Apps runtime contract: only `command` (run without a shell) and `env`. */
export interface AppYaml {
  command: string[];
  env: AppYamlEnvEntry[];
}

/** One problem in an app.yaml, located by path (`env[2].valueFrom`). */
export interface AppYamlProblem {
  path: string;
  message: string;
}

/** Thrown when an app.yaml (or a bundle's inline app config) is not valid; lists every problem. */
export class AppYamlError extends Error {
  readonly problems: readonly AppYamlProblem[];

  constructor(file: string, problems: readonly AppYamlProblem[]) {
    const lines = problems.map((problem) => `- ${problem.path ? `${problem.path}: ` : ""}${problem.message}`);
    super(`${file} is not valid:\n${lines.join("\n")}`);
    this.name = "AppYamlError";
    this.problems = problems;
  }
}

const isPlainObject = (input: unknown): boolean =>
  typeof input === "object" && input !== null && !Array.isArray(input);

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const envName = z.string({ error: "name must be a string" }).regex(ENV_NAME, {
  error: "name must be an environment variable name (letters, digits, _; not starting with a digit)",
});

const envValue = z.string({
  error: (issue) =>
    typeof issue.input === "number" || typeof issue.input === "boolean"
      ? `value must be a string: quote it (value: "${String(issue.input)}")`
      : "value must be a string",
});

/** A `valueFrom`/`value_from` field: a plain resource key string, never the nested `{resource: …}` form. */
export function resourceReference(field: string) {
  return z
    .string({
      error: (issue) =>
        isPlainObject(issue.input)
          ? `${field} must be the resource key as a plain string (${field}: postgres); ` +
            `the nested form {resource: …} is not part of the Databricks Apps contract and is rejected`
          : `${field} must be a string naming an app resource key`,
    })
    .min(1, { error: `${field} must not be empty: name an app resource key` });
}

/** `command` as a sequence of strings; a shell string is rejected because the platform never runs a shell. */
export const commandSchema = z
  .array(
    z.string({
      error: (issue) =>
        issue.input === null || typeof issue.input === "object"
          ? "each command item must be a string"
          : `each command item must be a string: quote it ("${String(issue.input)}")`,
    }),
    {
      error: (issue) =>
        typeof issue.input === "string"
          ? `command must be a sequence, not a string: Databricks Apps runs it without a shell, so write ` +
            `command: [${issue.input
              .trim()
              .split(/\s+/)
              .map((part) => JSON.stringify(part))
              .join(", ")}]`
          : 'command is required: a sequence such as ["npm", "run", "start"]',
    },
  )
  .min(1, {
    error: 'command must not be empty: give the program and its arguments, e.g. ["npm", "run", "start"]',
  });

function exactlyOneSource(valueKey: string, fromKey: string, misspelledFromKey: string, hint: string) {
  return (entry: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (entry[misspelledFromKey] !== undefined) {
      // Reported once, as the spelling mistake it is, rather than also as "needs value or valueFrom".
      ctx.addIssue({ code: "custom", message: hint });
      return;
    }
    const hasValue = entry[valueKey] !== undefined;
    const hasFrom = entry[fromKey] !== undefined;
    if (hasValue === hasFrom) {
      ctx.addIssue({
        code: "custom",
        message: hasValue
          ? `${String(entry.name)} has both ${valueKey} and ${fromKey}: keep exactly one`
          : `${String(entry.name)} needs ${valueKey} (a literal) or ${fromKey} (an app resource key)`,
      });
    }
  };
}

function unknownKeys(allowed: string) {
  return (issue: z.core.$ZodRawIssue) => {
    if (issue.code !== "unrecognized_keys") return undefined;
    const keys = (issue as { keys: string[] }).keys;
    return `unknown key(s) ${keys.join(", ")}: only ${allowed} are allowed`;
  };
}

function uniqueNames(app: { env: { name: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  app.env.forEach((entry, index) => {
    if (seen.has(entry.name)) {
      ctx.addIssue({
        code: "custom",
        path: ["env", index, "name"],
        message: `${entry.name} is set more than once`,
      });
    }
    seen.add(entry.name);
  });
}

const envEntrySchema = z
  .strictObject(
    {
      name: envName,
      value: envValue.optional(),
      valueFrom: resourceReference("valueFrom").optional(),
      value_from: z.unknown().optional(),
    },
    { error: unknownKeys("name, value and valueFrom") },
  )
  .superRefine(
    exactlyOneSource(
      "value",
      "valueFrom",
      "value_from",
      "value_from is the databricks.yml spelling; app.yaml uses valueFrom",
    ),
  )
  .transform(({ value_from: _misspelled, ...entry }): AppYamlEnvEntry => entry);

/** app.yaml as parsed from YAML: unknown keys, string commands and nested valueFrom are rejected. */
export const appYamlSchema = z
  .strictObject(
    {
      command: commandSchema,
      env: z
        .array(envEntrySchema, { error: "env must be a sequence of {name, value | valueFrom} items" })
        .nullish()
        .transform((env) => env ?? []),
    },
    { error: unknownKeys("command and env") },
  )
  .superRefine(uniqueNames);

/** One env item of a bundle's inline app config (`resources.apps.<key>.config.env[]`, snake case). */
export interface BundleAppEnvVar {
  name: string;
  value?: string;
  value_from?: string;
}

/** A bundle's inline app.yaml (`resources.apps.<key>.config`). */
export interface BundleAppConfig {
  command: string[];
  env: BundleAppEnvVar[];
}

const bundleEnvEntrySchema = z
  .strictObject(
    {
      name: envName,
      value: envValue.optional(),
      value_from: resourceReference("value_from").optional(),
      valueFrom: z.unknown().optional(),
    },
    { error: unknownKeys("name, value and value_from") },
  )
  .superRefine(
    exactlyOneSource(
      "value",
      "value_from",
      "valueFrom",
      "use value_from in databricks.yml: the CLI ignores valueFrom there (it is the app.yaml spelling)",
    ),
  )
  .transform(({ valueFrom: _misspelled, ...entry }): BundleAppEnvVar => entry);

export const bundleAppConfigSchema = z
  .strictObject(
    {
      command: commandSchema,
      env: z
        .array(bundleEnvEntrySchema, { error: "env must be a sequence of {name, value | value_from} items" })
        .nullish()
        .transform((env) => env ?? []),
    },
    { error: unknownKeys("command and env") },
  )
  .superRefine(uniqueNames);

/** Renders a zod issue path as `env[2].valueFrom`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

/** Converts zod issues to located problems. */
export function toProblems(error: z.ZodError): AppYamlProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
