export { benchBranchCreate } from "./branch-create.ts";
export { benchBranchDiff } from "./branch-diff.ts";
