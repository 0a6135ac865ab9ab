export {
  type Branch,
  BranchError,
  type BranchErrorCode,
  type BranchPort,
  type CreateBranchInput,
  describeConnection,
  type RestoreOutcome,
} from "./branch-port.ts";
