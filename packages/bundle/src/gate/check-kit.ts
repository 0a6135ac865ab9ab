import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type PlatformVariableName, platformVariables } from "@appbase/bindings";
import { loadBundle } from "../schema/load-bundle.ts";
import { appYamlPath, bundleApps, checkAppYaml, checkInlineConfig } from "./app-yaml-checks.ts";
import { findEnvReads } from "./env-reads.ts";
import { detectLiterals } from "./literal-detectors.ts";
import { localOnlyVariables, runtimeSetVariables } from "./local-only-variables.ts";
import { listSourceFiles, reachableSources } from "./source-graph.ts";
import type { Violation } from "./violation.ts";

export interface GateKit {
  /** Kit id, e.g. `customer-hub`; its bundle is `bundles/<kit>`. */
  kit: string;
  /** The kit's app folder. */
  dir: string;
}

/** A line may opt out of the literal checks with a reason, e.g. `// appbase-gate-allow: documented example host`. */
const ALLOW = /appbase-gate-allow:\s*\S/;

function scanLiterals(path: string, yaml: boolean): Violation[] {
  const lines = readFileSync(path, "utf8").split("\n");
  return lines.flatMap((line, index) => {
    if (ALLOW.test(line) || (index > 0 && ALLOW.test(lines[index - 1] ?? ""))) return [];
    return detectLiterals(line, { yaml }).map((finding) => ({
      rule: finding.rule,
      file: path,
      line: index + 1,
      message: finding.message,
    }));
  });
}

/** Runs the portability gate on one kit: its bundle, its app.yaml and every source file the app runs. */
export function checkKit(repoRoot: string, kit: GateKit): Violation[] {
  const bundleDir = join(repoRoot, "bundles", kit.kit);
  const rootFile = join(bundleDir, "databricks.yml");
  if (!existsSync(rootFile)) {
    return [
      {
        rule: "invalid-bundle",
        file: bundleDir,
        message: `kit ${kit.kit} has no bundle: run \`appbase bundle generate ${kit.kit}\``,
      },
    ];
  }
  const bundle = loadBundle(rootFile);
  const violations: Violation[] = bundle.problems.map((problem) => ({ rule: "invalid-bundle", ...problem }));
  const apps = bundleApps(bundle);
  if (apps.length !== 1) {
    violations.push({
      rule: "invalid-bundle",
      file: rootFile,
      message: `expected exactly one app under resources.apps, found ${apps.length}`,
    });
  }
  const boundNames = new Set<string>();
  for (const app of apps) violations.push(...checkInlineConfig(bundle, app));
  const appYamlFile = appYamlPath(bundleDir);
  if (!appYamlFile) {
    violations.push({
      rule: "invalid-bundle",
      file: bundleDir,
      message: "no app.yaml: the staged app needs one (run `appbase bundle generate`)",
    });
  } else if (apps[0]) {
    const checked = checkAppYaml(appYamlFile, apps[0]);
    violations.push(...checked.violations);
    for (const entry of checked.appYaml?.env ?? []) boundNames.add(entry.name);
    violations.push(...scanLiterals(appYamlFile, true));
  }
  for (const file of bundle.files) violations.push(...scanLiterals(file.path, true));

  const sources = reachableSources(repoRoot, listSourceFiles(kit.dir));
  // The platform injects PG* only for an app with a Lakebase resource and OTEL_* only with telemetry on.
  const injected = (Object.keys(platformVariables) as PlatformVariableName[]).filter((name) => {
    const group = platformVariables[name].group;
    return (
      group === "every-app" || (group === "lakebase" ? apps[0]?.hasDatabase : apps[0]?.hasTelemetry) === true
    );
  });
  const allowed = new Set<string>([
    ...boundNames,
    ...injected,
    ...Object.keys(localOnlyVariables),
    ...Object.keys(runtimeSetVariables),
  ]);
  for (const file of sources) {
    violations.push(...scanLiterals(file, false));
    const envModule = /(^|\/)env\.(ts|tsx|js|mjs)$/.test(file);
    for (const read of findEnvReads(readFileSync(file, "utf8"), { envModule })) {
      if (allowed.has(read.name)) continue;
      violations.push({
        rule: "unbound-env",
        file,
        line: read.line,
        message:
          read.name in platformVariables
            ? `reads ${read.name}, which Databricks Apps injects only for an app with a ${platformVariables[read.name as PlatformVariableName].group === "lakebase" ? "`postgres` resource" : "telemetry_export_destinations entry"}, and this app has none: add it to the bundle or stop reading it`
            : `reads ${read.name}, which app.yaml does not bind and Databricks Apps does not inject: bind it in app.yaml (value or valueFrom), or, if it only configures local runs, add it with a reason to the local-only list (packages/bundle/src/gate/local-only-variables.ts)`,
      });
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
