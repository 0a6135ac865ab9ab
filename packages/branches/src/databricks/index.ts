export { LakebaseBranches, type LakebaseBranchesOptions } from "./lakebase-branches.ts";
