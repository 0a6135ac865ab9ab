/**
 * Unity Catalog privilege names, exactly as the bundle/API enum `catalog.Privilege` spells them.
 * Source: Databricks' Unity Catalog privilege reference and the bundle JSON schema's
 * `catalog.Privilege` enum. This is the only list of UC privileges in the code base: the
 * matrix validator and the generator tests compare every emitted privilege against it.
 */
export const UC_PRIVILEGES = [
  "SELECT",
  "MODIFY",
  "CREATE",
  "USAGE",
  "USE_CATALOG",
  "USE_SCHEMA",
  "CREATE_SCHEMA",
  "CREATE_TABLE",
  "CREATE_VIEW",
  "CREATE_MATERIALIZED_VIEW",
  "CREATE_EXTERNAL_TABLE",
  "CREATE_FUNCTION",
  "CREATE_MODEL",
  "CREATE_CATALOG",
  "CREATE_MANAGED_STORAGE",
  "CREATE_EXTERNAL_LOCATION",
  "CREATE_STORAGE_CREDENTIAL",
  "CREATE_SERVICE_CREDENTIAL",
  "ACCESS",
  "CREATE_SHARE",
  "CREATE_RECIPIENT",
  "CREATE_PROVIDER",
  "USE_SHARE",
  "USE_RECIPIENT",
  "USE_PROVIDER",
  "USE_MARKETPLACE_ASSETS",
  "SET_SHARE_PERMISSION",
  "REFRESH",
  "EXECUTE",
  "READ_FILES",
  "WRITE_FILES",
  "READ_PRIVATE_FILES",
  "WRITE_PRIVATE_FILES",
  "ALL_PRIVILEGES",
  "CREATE_CONNECTION",
  "USE_CONNECTION",
  "APPLY_TAG",
  "CREATE_FOREIGN_CATALOG",
  "CREATE_FOREIGN_SECURABLE",
  "MANAGE_ALLOWLIST",
  "CREATE_VOLUME",
  "CREATE_EXTERNAL_VOLUME",
  "READ_VOLUME",
  "WRITE_VOLUME",
  "MANAGE",
  "BROWSE",
  "CREATE_CLEAN_ROOM",
  "MODIFY_CLEAN_ROOM",
  "EXECUTE_CLEAN_ROOM_TASK",
  "EXTERNAL_USE_SCHEMA",
  "READ_METADATA",
] as const;

export type UcPrivilege = (typeof UC_PRIVILEGES)[number];

/** SQL spells UC privileges with spaces where the API uses underscores (`USE_CATALOG` → `USE CATALOG`). */
export function ucPrivilegeSql(privilege: UcPrivilege): string {
  return privilege.replaceAll("_", " ");
}

/** Postgres privileges that apply to a schema. */
export const PG_SCHEMA_PRIVILEGES = ["USAGE", "CREATE"] as const;
export type PgSchemaPrivilege = (typeof PG_SCHEMA_PRIVILEGES)[number];

/** Postgres privileges that apply to tables (and views). */
export const PG_TABLE_PRIVILEGES = [
  "SELECT",
  "INSERT",
  "UPDATE",
  "DELETE",
  "TRUNCATE",
  "REFERENCES",
  "TRIGGER",
] as const;
export type PgTablePrivilege = (typeof PG_TABLE_PRIVILEGES)[number];

/**
 * Synced tables are read-only to everyone but the sync pipeline (ARCHITECTURE.md "State authority";
 * the platform allows "Only SELECT queries, CREATE INDEX, and DROP TABLE" on synced tables).
 */
export const SYNCED_SCHEMA_PRIVILEGES: readonly PgSchemaPrivilege[] = ["USAGE"];
export const SYNCED_TABLE_PRIVILEGES: readonly PgTablePrivilege[] = ["SELECT"];
