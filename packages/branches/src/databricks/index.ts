export { lakebaseBranchPort } from "./from-env.ts";
export { LakebaseBranches, type LakebaseBranchesOptions } from "./lakebase-branches.ts";
