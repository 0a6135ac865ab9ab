// Pure API: matrices, checks, rules and generators. Live-database code is under "@appbase/grants/postgres".
export {
  accessFor,
  assertCan,
  can,
  groupsGranting,
  type KitAccess,
  permissionsOf,
  rolesOf,
} from "./access.ts";
export { columnRulesFor, resolveColumnRules } from "./column-rules.ts";
export { defineKitMatrix, MatrixDeclarationError, matrixIssues, principalsOf } from "./define-kit-matrix.ts";
export { describeIdentity, type GrantsIdentity, grantsIdentitySchema } from "./identity.ts";
export { maskValue } from "./masks.ts";
export type {
  ColumnRule,
  ColumnRuleDeclaration,
  ColumnRules,
  GroupDeclaration,
  KitMatrix,
  KitMatrixDeclaration,
  LakebaseSchema,
  MaskFormat,
  PermissionOf,
  PgGrant,
  RoleDeclaration,
  RoleOf,
  RowMatch,
  RowRule,
  RowRuleDeclaration,
  UcGrant,
  UcSchemaDeclaration,
  UcSecurable,
  UserDeclaration,
} from "./matrix.ts";
export { MASK_FORMATS } from "./matrix.ts";
export { PermissionDeniedError, UnknownPermissionError } from "./permission-denied-error.ts";
export type { PostgresBinding, Queryable } from "./postgres/binding.ts";
export { type PlannedStatement, postgresPlan } from "./postgres/plan.ts";
export {
  type DatabricksIdentityType,
  identityTypeOf,
  type Principal,
  type PrincipalBinding,
  principal,
  principalName,
} from "./principals.ts";
export {
  PG_SCHEMA_PRIVILEGES,
  PG_TABLE_PRIVILEGES,
  type PgSchemaPrivilege,
  type PgTablePrivilege,
  UC_PRIVILEGES,
  type UcPrivilege,
  ucPrivilegeSql,
} from "./privileges.ts";
export { rowFilter, rowPredicate, rowRuleFor, type SqlPredicate } from "./row-rules.ts";
export { maskEverything, type ResolvedColumnRule, type Shielded, shield } from "./shield.ts";
export { quoteBacktick, quoteIdent, quoteLiteral } from "./sql-quote.ts";
export { qualifiedName } from "./table-names.ts";
export {
  type BundleGrantOptions,
  type BundleGrantResources,
  type BundlePrivilegeAssignment,
  bundleAppPrincipalRef,
  bundleCarries,
  bundleGrantResources,
} from "./unity-catalog/bundle-grants.ts";
export {
  resolveUcGrants,
  type UcBinding,
  ucGrantStatements,
  ucSecurableSql,
} from "./unity-catalog/uc-grants.ts";
