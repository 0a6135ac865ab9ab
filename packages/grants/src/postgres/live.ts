import type { Queryable } from "./binding.ts";

/** One privilege as Postgres' ACLs hold it. */
export interface LiveAclEntry {
  readonly schema: string;
  readonly name: string;
  readonly owner: string;
  readonly grantee: string;
  readonly privilege: string;
}

export interface LiveRelation {
  readonly schema: string;
  readonly name: string;
  readonly owner: string;
}

/** A snapshot of the catalog objects the verifier compares, read from pg_catalog ACLs. */
export interface LivePostgresState {
  readonly currentRole: string;
  readonly roles: Set<string>;
  readonly schemas: LiveRelation[];
  readonly schemaAcl: LiveAclEntry[];
  readonly tables: LiveRelation[];
  readonly tableAcl: LiveAclEntry[];
  /** `name` is the role the default applies to (FOR ROLE). */
  readonly defaultAcl: LiveAclEntry[];
}

const GRANTEE = "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee) END";
const TABLE_KINDS = "('r', 'p', 'v', 'm', 'f')";

/** Reads roles, schema/table owners, and schema, table and default ACLs for the given schemas. */
export async function readLivePostgresState(
  db: Queryable,
  schemas: readonly string[],
  roles: readonly string[],
): Promise<LivePostgresState> {
  const current = (await db.query("SELECT current_user AS role")).rows[0] as { role: string };
  const liveRoles = (
    await db.query("SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1)", [roles])
  ).rows as { rolname: string }[];
  const liveSchemas = (
    await db.query(
      `SELECT n.nspname AS name, n.nspname AS schema, pg_catalog.pg_get_userbyid(n.nspowner) AS owner
       FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY($1)`,
      [schemas],
    )
  ).rows as LiveRelation[];
  const schemaAcl = (
    await db.query(
      `SELECT n.nspname AS schema, n.nspname AS name, pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
              ${GRANTEE} AS grantee, a.privilege_type AS privilege
       FROM pg_catalog.pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
       WHERE n.nspname = ANY($1)`,
      [schemas],
    )
  ).rows as LiveAclEntry[];
  const tables = (
    await db.query(
      `SELECT n.nspname AS schema, c.relname AS name, pg_catalog.pg_get_userbyid(c.relowner) AS owner
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1) AND c.relkind IN ${TABLE_KINDS}`,
      [schemas],
    )
  ).rows as LiveRelation[];
  const tableAcl = (
    await db.query(
      `SELECT n.nspname AS schema, c.relname AS name, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
              ${GRANTEE} AS grantee, a.privilege_type AS privilege
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,
            aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
       WHERE n.nspname = ANY($1) AND c.relkind IN ${TABLE_KINDS}`,
      [schemas],
    )
  ).rows as LiveAclEntry[];
  const defaultAcl = (
    await db.query(
      `SELECT n.nspname AS schema, pg_catalog.pg_get_userbyid(d.defaclrole) AS name,
              pg_catalog.pg_get_userbyid(d.defaclrole) AS owner, ${GRANTEE} AS grantee, a.privilege_type AS privilege
       FROM pg_catalog.pg_default_acl d JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace,
            aclexplode(d.defaclacl) a
       WHERE d.defaclobjtype = 'r' AND n.nspname = ANY($1)`,
      [schemas],
    )
  ).rows as LiveAclEntry[];
  return {
    currentRole: current.role,
    roles: new Set(liveRoles.map((r) => r.rolname)),
    schemas: liveSchemas,
    schemaAcl,
    tables,
    tableAcl,
    defaultAcl,
  };
}
