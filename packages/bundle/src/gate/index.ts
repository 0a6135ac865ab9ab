export { type BundleApp, bundleApps, checkAppYaml } from "./app-yaml-checks.ts";
export { checkKit, type GateKit } from "./check-kit.ts";
export { type EnvRead, findEnvReads } from "./env-reads.ts";
export { detectLiterals, type LiteralFinding } from "./literal-detectors.ts";
export { localOnlyVariables, runtimeSetVariables } from "./local-only-variables.ts";
export { listSourceFiles, reachableSources } from "./source-graph.ts";
export { formatViolation, VIOLATION_RULES, type Violation, type ViolationRule } from "./violation.ts";
