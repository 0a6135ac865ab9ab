export * from "./branches/index.ts";
export { freePort } from "./free-port.ts";
export {
  type LakebaseStatus,
  LocalLakebaseNotRunningError,
  lakebaseStatus,
  lakebaseUrl,
} from "./lakebase-status.ts";
export { DEFAULT_LAKEBASE_PORT, startLakebaseProcess, stopLakebaseProcess } from "./managed-process.ts";
export { type GateLogin, type PasswordGate, startPasswordGate } from "./password-gate.ts";
export { PortInUseError } from "./port-check.ts";
export {
  LOCAL_LAKEBASE_DATABASE,
  LOCAL_LAKEBASE_USER,
  type LocalLakebase,
  localLakebaseUrl,
  type ServeLocalLakebaseOptions,
  serveLocalLakebase,
} from "./serve.ts";
export { findRepoRoot, lakebasePaths, resolveStateDir } from "./state-dir.ts";
export { stopOnSignals } from "./stop-on-signals.ts";
