export { serveBranchControl } from "./branch-control-server.ts";
export { BRANCH_ID_PATTERN, LocalBranchError, type LocalBranchErrorCode } from "./branch-errors.ts";
export {
  BranchHost,
  type BranchHostOptions,
  LOCAL_MAIN_BRANCH,
  type LocalBranch,
  type LocalSnapshot,
  type RestoreResult,
} from "./branch-host.ts";
