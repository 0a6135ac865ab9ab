import { Document, parseDocument } from "yaml";
import {
  type AppYaml,
  type AppYamlEnvEntry,
  AppYamlError,
  type AppYamlProblem,
  appYamlSchema,
  type BundleAppConfig,
  bundleAppConfigSchema,
  toProblems,
} from "./app-yaml-schema.ts";
import { forbiddenAppYamlVariables } from "./platform-variables.ts";

/** Parses and validates app.yaml text; throws `AppYamlError` listing every problem (file named by `file`). */
export function parseAppYaml(text: string, options: { file?: string } = {}): AppYaml {
  const file = options.file ?? "app.yaml";
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new AppYamlError(
      file,
      document.errors.map((error) => ({
        path: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : "",
        message: `YAML syntax error: ${error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    );
  }
  const raw: unknown = document.toJS();
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new AppYamlError(file, [{ path: "", message: "expected a mapping with `command` and `env`" }]);
  }
  const parsed = appYamlSchema.safeParse(raw);
  if (!parsed.success) throw new AppYamlError(file, toProblems(parsed.error));
  return parsed.data;
}

function orderedEntry(entry: AppYamlEnvEntry): AppYamlEnvEntry {
  // Key order is fixed so generated files diff cleanly.
  return entry.valueFrom !== undefined
    ? { name: entry.name, valueFrom: entry.valueFrom }
    : { name: entry.name, value: entry.value ?? "" };
}

/** Renders app.yaml with a stable layout: `command` as a block sequence, each env item as name then value/valueFrom. */
export function generateAppYaml(appYaml: AppYaml, options: { header?: string } = {}): string {
  const checked = appYamlSchema.safeParse(appYaml);
  if (!checked.success) throw new AppYamlError("generated app.yaml", toProblems(checked.error));
  const document = new Document({ command: checked.data.command, env: checked.data.env.map(orderedEntry) });
  if (options.header) document.commentBefore = ` ${options.header.split("\n").join("\n ")}`;
  return document.toString({ lineWidth: 0, indentSeq: true });
}

export interface AppYamlExpectations {
  /** The app's resource keys (the `name` of each resource under the app in databricks.yml). */
  resourceKeys: readonly string[];
  /** The entries the app's env declaration requires (from `defineAppEnv(...).appYamlEnv()`). */
  expectedEnv?: readonly AppYamlEnvEntry[];
}

/** Checks an app.yaml against its app: valueFrom keys exist, no injected variables, every declared binding present. */
export function validateAppYaml(appYaml: AppYaml, expectations: AppYamlExpectations): AppYamlProblem[] {
  const problems: AppYamlProblem[] = [];
  const keys = new Set(expectations.resourceKeys);
  appYaml.env.forEach((entry, index) => {
    if (forbiddenAppYamlVariables.includes(entry.name)) {
      problems.push({
        path: `env[${index}]`,
        message:
          entry.name === "PGPASSWORD"
            ? "PGPASSWORD must never be set: Lakebase passwords are OAuth tokens minted at runtime"
            : `${entry.name} is injected by Databricks Apps: remove it from app.yaml`,
      });
    }
    if (entry.valueFrom !== undefined && !keys.has(entry.valueFrom)) {
      const known = keys.size > 0 ? [...keys].join(", ") : "none";
      problems.push({
        path: `env[${index}].valueFrom`,
        message:
          `${entry.name} reads resource \`${entry.valueFrom}\`, which the app does not have (its resources: ${known}); ` +
          `add a resource named \`${entry.valueFrom}\` to the app in databricks.yml or fix the key`,
      });
    }
  });
  for (const expected of expectations.expectedEnv ?? []) {
    const actual = appYaml.env.find((entry) => entry.name === expected.name);
    if (!actual) {
      const line =
        expected.valueFrom !== undefined ? `valueFrom: ${expected.valueFrom}` : `value: ${expected.value}`;
      problems.push({
        path: "env",
        message: `${expected.name} is missing: add \`- name: ${expected.name} / ${line}\``,
      });
    } else if (expected.valueFrom !== undefined && actual.valueFrom !== expected.valueFrom) {
      problems.push({
        path: `env[${appYaml.env.indexOf(actual)}]`,
        message: `${expected.name} must use \`valueFrom: ${expected.valueFrom}\` (the app declares it as that resource)`,
      });
    }
  }
  return problems;
}

/** Converts app.yaml to a bundle's inline app config (`value_from`, snake case, as databricks.yml requires). */
export function toBundleAppConfig(appYaml: AppYaml): BundleAppConfig {
  return {
    command: [...appYaml.command],
    env: appYaml.env.map((entry) =>
      entry.valueFrom !== undefined
        ? { name: entry.name, value_from: entry.valueFrom }
        : { name: entry.name, value: entry.value ?? "" },
    ),
  };
}

/** Converts a bundle's inline app config (as read from databricks.yml) to the app.yaml model; rejects `valueFrom`. */
export function fromBundleAppConfig(config: unknown, options: { file?: string } = {}): AppYaml {
  const parsed = bundleAppConfigSchema.safeParse(config);
  if (!parsed.success)
    throw new AppYamlError(options.file ?? "app config in databricks.yml", toProblems(parsed.error));
  return {
    command: parsed.data.command,
    env: parsed.data.env.map((entry) =>
      entry.value_from !== undefined
        ? { name: entry.name, valueFrom: entry.value_from }
        : { name: entry.name, value: entry.value ?? "" },
    ),
  };
}
