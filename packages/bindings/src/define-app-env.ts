import { z } from "zod";
import type { AppYamlEnvEntry } from "./app-yaml-schema.ts";
import { AppEnvError, type EnvIssue, type EnvRecord } from "./env-issues.ts";
import { forbiddenAppYamlVariables } from "./platform-variables.ts";
import {
  type ResourceType,
  resourceKeySchema,
  resourceTypeInfo,
  resourceTypeSchema,
} from "./resource-types.ts";
import { checkVariables, type VariableSpec } from "./variable-check.ts";

/** A variable whose value comes from an app resource through `valueFrom`. */
export interface BindingDeclaration {
  /** The app resource key (`name` of the resource in databricks.yml, target of `valueFrom`). */
  resource: string;
  type: ResourceType;
  optional?: boolean;
  description: string;
  /**
   * Who the app calls the resource as: its service principal (default) or the signed-in user with
   * their forwarded token, for which the app's bundle declares the matching `user_api_scopes`.
   */
  calledAs?: "app" | "user";
}

/** A variable with a fixed value, written to app.yaml as `value:`; the environment may override it. */
export interface ValueDeclaration {
  /** The raw string app.yaml carries; must pass `schema`. */
  default: string;
  schema?: z.ZodType;
  description?: string;
}

export interface AppEnvDeclaration {
  bindings: Record<string, BindingDeclaration>;
  values?: Record<string, ValueDeclaration>;
  /** Where the local resource map lives, for error messages. */
  localResourcesFile?: string;
}

type Prettify<T> = { [K in keyof T]: T[K] } & {};
type BindingValues<B> = {
  -readonly [K in keyof B]: B[K] extends { optional: true } ? string | undefined : string;
};
type ValueValues<V> = {
  -readonly [K in keyof V]: V[K] extends { schema: infer S extends z.ZodType } ? z.output<S> : string;
};

/** The typed values `loadEnv` returns for a declaration. */
export type AppEnvValues<D extends AppEnvDeclaration> = Prettify<
  BindingValues<D["bindings"]> &
    (D["values"] extends Record<string, ValueDeclaration> ? ValueValues<D["values"]> : Record<never, never>)
>;

export type AppEnvCheck<D extends AppEnvDeclaration> =
  | { ok: true; values: AppEnvValues<D> }
  | { ok: false; issues: EnvIssue[] };

export interface AppEnv<D extends AppEnvDeclaration> {
  declaration: D;
  /** Every variable the app reads through this declaration (for the portability gate). */
  variableNames: readonly string[];
  /** The distinct resource keys the bindings reference. */
  resourceKeys: readonly string[];
  /** Validates `env`; throws one `AppEnvError` listing every missing or malformed variable. */
  loadEnv(env: EnvRecord): AppEnvValues<D>;
  /** Like `loadEnv` but returns the problems instead of throwing. */
  checkEnv(env: EnvRecord): AppEnvCheck<D>;
  /**
   * The `env` entries of app.yaml for this declaration: bindings as `valueFrom`, values as `value`.
   * Given the resource keys a deployment has, optional bindings to absent resources are left out.
   */
  appYamlEnv(options?: { resourceKeys?: readonly string[] }): AppYamlEnvEntry[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function assertDeclaration(declaration: AppEnvDeclaration): void {
  const problems: string[] = [];
  const values = declaration.values ?? {};
  for (const name of [...Object.keys(declaration.bindings), ...Object.keys(values)]) {
    if (!VARIABLE_NAME.test(name)) problems.push(`${name}: not a valid environment variable name`);
    if (forbiddenAppYamlVariables.includes(name)) {
      problems.push(`${name}: the platform injects it (or it must never be set); read it, do not declare it`);
    }
    if (name in declaration.bindings && name in values)
      problems.push(`${name}: declared both as binding and value`);
  }
  for (const [name, binding] of Object.entries(declaration.bindings)) {
    if (!resourceTypeSchema.safeParse(binding.type).success)
      problems.push(`${name}: unknown type ${binding.type}`);
    if (!resourceKeySchema.safeParse(binding.resource).success) {
      problems.push(`${name}: resource key ${JSON.stringify(binding.resource)} is not valid`);
    }
  }
  for (const [name, value] of Object.entries(values)) {
    const parsed = value.schema?.safeParse(value.default);
    if (parsed && !parsed.success)
      problems.push(`${name}: default ${JSON.stringify(value.default)} fails its schema`);
  }
  if (problems.length > 0) throw new Error(`defineAppEnv: invalid declaration:\n- ${problems.join("\n- ")}`);
}

function bindingSpec(name: string, binding: BindingDeclaration, mapFile: string): VariableSpec {
  const info = resourceTypeInfo[binding.type];
  const kind = info.bundle.securableType
    ? `\`${info.bundle.field}\` resource (securable_type ${info.bundle.securableType})`
    : `\`${info.bundle.field}\` resource`;
  return {
    name,
    schema: info.schema,
    optional: binding.optional === true,
    sensitive: info.sensitive,
    whenMissing:
      `add a ${kind} named \`${binding.resource}\` to the app in databricks.yml and ` +
      `\`- name: ${name} / valueFrom: ${binding.resource}\` to app.yaml; ` +
      `locally it comes from the local resource map (${mapFile})`,
    whenMalformed:
      `it should hold the ${info.resolvesTo} of the ${info.label} resource \`${binding.resource}\` ` +
      `(e.g. ${info.example}); check that resource in databricks.yml, or its entry in ${mapFile} locally`,
  };
}

function valueSpec(name: string, value: ValueDeclaration): VariableSpec {
  return {
    name,
    // A value without a schema is any string.
    schema: value.schema ?? z.string(),
    optional: false,
    sensitive: false,
    fallback: value.default,
    whenMissing: "",
    whenMalformed: `fix \`- name: ${name} / value: ...\` in app.yaml, or unset it to use the default ${JSON.stringify(value.default)}`,
  };
}

/** Declares the variables an app reads; yields validation, its app.yaml env entries and its variable list. */
export function defineAppEnv<const D extends AppEnvDeclaration>(declaration: D): AppEnv<D> {
  assertDeclaration(declaration);
  const mapFile = declaration.localResourcesFile ?? ".appbase/resources.json";
  const values = declaration.values ?? {};
  const specs: VariableSpec[] = [
    ...Object.entries(declaration.bindings).map(([name, binding]) => bindingSpec(name, binding, mapFile)),
    ...Object.entries(values).map(([name, value]) => valueSpec(name, value)),
  ];

  const checkEnv = (env: EnvRecord): AppEnvCheck<D> => {
    const result = checkVariables(env, specs);
    return result.issues.length > 0
      ? { ok: false, issues: result.issues }
      : { ok: true, values: result.values as AppEnvValues<D> };
  };

  return {
    declaration,
    variableNames: specs.map((spec) => spec.name),
    resourceKeys: [...new Set(Object.values(declaration.bindings).map((binding) => binding.resource))],
    checkEnv,
    loadEnv(env) {
      const result = checkEnv(env);
      if (!result.ok) throw new AppEnvError(result.issues);
      return result.values;
    },
    appYamlEnv(options = {}) {
      const present = options.resourceKeys ? new Set(options.resourceKeys) : undefined;
      const included = Object.entries(declaration.bindings).filter(
        ([, binding]) => binding.optional !== true || present === undefined || present.has(binding.resource),
      );
      return [
        ...included.map(([name, binding]) => ({ name, valueFrom: binding.resource })),
        ...Object.entries(values).map(([name, value]) => ({ name, value: value.default })),
      ];
    },
  };
}
