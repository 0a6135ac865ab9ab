import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type AppYaml, AppYamlError, forbiddenAppYamlVariables, parseAppYaml } from "@appbase/bindings";
import { type LoadedBundle, lineOf, locate, readYamlFile } from "../schema/load-bundle.ts";
import type { Violation } from "./violation.ts";

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|CREDENTIAL/i;

export interface BundleApp {
  key: string;
  resourceKeys: string[];
  inlineEnv: { name?: unknown; value_from?: unknown }[];
  /** The app has a Lakebase resource, so the platform injects PG* for it. */
  hasDatabase: boolean;
  /** The app exports telemetry, so the platform injects OTEL_*. */
  hasTelemetry: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A list field's value as the bundle states it: the list itself, or a whole `${var.name}` reference,
 * read as that complex variable's default (a target may still override it, e.g. with []).
 */
function listValue(bundle: LoadedBundle, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const reference = typeof value === "string" ? /^\$\{var\.([\w-]+)\}$/.exec(value.trim()) : null;
  const variables = isRecord(bundle.config.variables) ? bundle.config.variables : {};
  const variable = reference ? variables[reference[1] as string] : undefined;
  return isRecord(variable) && Array.isArray(variable.default) ? variable.default : [];
}

/** The apps a merged bundle declares, with the keys of their resources (what `valueFrom` may name). */
export function bundleApps(bundle: LoadedBundle): BundleApp[] {
  const resources = isRecord(bundle.config.resources) ? bundle.config.resources : {};
  const apps = isRecord(resources.apps) ? resources.apps : {};
  return Object.entries(apps).map(([key, app]) => {
    const body = isRecord(app) ? app : {};
    const list = Array.isArray(body.resources) ? body.resources : [];
    const config = isRecord(body.config) ? body.config : {};
    return {
      key,
      resourceKeys: list.flatMap((r) => (isRecord(r) && typeof r.name === "string" ? [r.name] : [])),
      inlineEnv: Array.isArray(config.env) ? config.env.filter(isRecord) : [],
      hasDatabase: list.some((r) => isRecord(r) && ("postgres" in r || "database" in r)),
      hasTelemetry: listValue(bundle, body.telemetry_export_destinations).length > 0,
    };
  });
}

/** Finds the kit's app.yaml (or app.yml) in its bundle folder. */
export function appYamlPath(bundleDir: string): string | undefined {
  return ["app.yaml", "app.yml"].map((name) => join(bundleDir, name)).find((path) => existsSync(path));
}

/** Checks app.yaml against the bundle: resource keys exist, nothing injected is repeated, no literal secrets. */
export function checkAppYaml(path: string, app: BundleApp): { appYaml?: AppYaml; violations: Violation[] } {
  const { file } = readYamlFile(path);
  let appYaml: AppYaml;
  try {
    appYaml = parseAppYaml(readFileSync(path, "utf8"), { file: path });
  } catch (error) {
    if (!(error instanceof AppYamlError)) throw error;
    return {
      violations: error.problems.map((problem) => ({
        rule: "invalid-bundle",
        file: path,
        line: lineOf(
          file,
          problem.path
            .split(/[.[\]]+/)
            .filter(Boolean)
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        ),
        message: `${problem.path ? `${problem.path}: ` : ""}${problem.message}`,
      })),
    };
  }
  const violations: Violation[] = [];
  const keys = new Set(app.resourceKeys);
  appYaml.env.forEach((entry, index) => {
    const line = lineOf(file, ["env", index]);
    if (entry.valueFrom !== undefined && !keys.has(entry.valueFrom)) {
      violations.push({
        rule: "undeclared-resource",
        file: path,
        line: lineOf(file, ["env", index, "valueFrom"]),
        message: `${entry.name} reads resource \`${entry.valueFrom}\`, which app \`${app.key}\` does not declare (it has: ${[...keys].join(", ") || "none"}); add it under resources.apps.${app.key}.resources in databricks.yml or fix the key`,
      });
    }
    if (forbiddenAppYamlVariables.includes(entry.name)) {
      violations.push({
        rule: "injected-in-app-yaml",
        file: path,
        line,
        message:
          entry.name === "PGPASSWORD"
            ? "PGPASSWORD must never be set: Lakebase passwords are OAuth tokens minted at runtime"
            : `${entry.name} is injected by Databricks Apps: remove it from app.yaml`,
      });
    }
    if (entry.value !== undefined && entry.value !== "" && SECRET_NAME.test(entry.name)) {
      violations.push({
        rule: "password",
        file: path,
        line: lineOf(file, ["env", index, "value"]),
        message: `${entry.name} carries a literal value: put it in a secret scope, add a \`secret\` resource to the app and use valueFrom`,
      });
    }
  });
  return { appYaml, violations };
}

/** Checks `value_from` in a bundle's inline app config (`resources.apps.<key>.config.env`) against the app's resources. */
export function checkInlineConfig(bundle: LoadedBundle, app: BundleApp): Violation[] {
  const keys = new Set(app.resourceKeys);
  return app.inlineEnv.flatMap((entry, index): Violation[] => {
    if (typeof entry.value_from !== "string" || keys.has(entry.value_from)) return [];
    const where = locate(bundle, ["resources", "apps", app.key, "config", "env", index, "value_from"]);
    return [
      {
        rule: "undeclared-resource",
        ...where,
        message: `${String(entry.name)} has value_from \`${entry.value_from}\`, which app \`${app.key}\` does not declare (it has: ${[...keys].join(", ") || "none"})`,
      },
    ];
  });
}
