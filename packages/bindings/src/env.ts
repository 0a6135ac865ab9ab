import type { EnvRecord } from "./env-issues.ts";
import { detectRuntimeMode, type RuntimeMode } from "./runtime-mode.ts";

/** The process environment: the one place this package reads `process.env`. */
export function processEnv(): EnvRecord {
  return process.env;
}

/** The runtime mode of this process. */
export function currentRuntimeMode(): RuntimeMode {
  return detectRuntimeMode(process.env);
}
