// Live-database side: apply a plan and verify the catalog against the matrix.
export { applyPostgresPlan, GrantApplyError } from "./apply.ts";
export type { PostgresBinding, Queryable } from "./binding.ts";
export { expectedPostgresState } from "./expected.ts";
export { formatVerifyReport } from "./format-report.ts";
export { readLivePostgresState } from "./live.ts";
export { type PlannedStatement, postgresPlan } from "./plan.ts";
export { prunePostgresGrants } from "./prune.ts";
export { type DriftItem, type VerifyOptions, type VerifyReport, verifyPostgresGrants } from "./verify.ts";
