import type { KitMatrix } from "../matrix.ts";
import { quoteIdent } from "../sql-quote.ts";
import type { PostgresBinding, Queryable } from "./binding.ts";
import { expectedPostgresState } from "./expected.ts";
import { type LiveAclEntry, readLivePostgresState } from "./live.ts";

/** One difference between the matrix and the live database, with the SQL that would fix it. */
export interface DriftItem {
  readonly kind:
    | "missing-role"
    | "missing-schema"
    | "wrong-owner"
    | "missing-grant"
    | "unexpected-grant"
    | "missing-default"
    | "unexpected-default";
  /** e.g. `table customer.customer_profile`, `schema customer_hub`. */
  readonly object: string;
  readonly grantee?: string;
  readonly privilege?: string;
  readonly detail: string;
  readonly fix: string;
}

export interface VerifyReport {
  readonly kit: string;
  readonly drift: DriftItem[];
  readonly checked: { roles: number; schemas: number; tables: number };
}

export interface VerifyOptions {
  /** Grantees managed by the platform, not by the matrix (default: `databricks_*` and `pg_*` roles). */
  readonly ignoreGrantee?: (role: string) => boolean;
}

const platformRole = (role: string) => role.startsWith("databricks_") || role.startsWith("pg_");

const q = (schema: string, name?: string) =>
  name ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(schema);
const grantee = (role: string) => (role === "PUBLIC" ? "PUBLIC" : quoteIdent(role));

/** Compares the live catalog with the matrix; an empty `drift` means the database matches the declaration. */
export async function verifyPostgresGrants(
  db: Queryable,
  matrix: KitMatrix,
  binding: PostgresBinding,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const ignored = options.ignoreGrantee ?? platformRole;
  const schemaNames = matrix.lakebase.schemas.map((s) => s.name);
  const probeRoles = [
    binding.appPrincipal,
    ...matrix.groups.map((g) => g.name),
    ...matrix.users.map((u) => u.email),
  ];
  const live = await readLivePostgresState(db, schemaNames, probeRoles);
  const expected = expectedPostgresState(matrix, binding, live.currentRole);
  const drift: DriftItem[] = [];

  for (const role of expected.roles) {
    if (!live.roles.has(role))
      drift.push({
        kind: "missing-role",
        object: `role ${role}`,
        detail: `role "${role}" does not exist`,
        fix: "appbase grants apply",
      });
  }

  const liveSchemas = new Map(live.schemas.map((s) => [s.name, s.owner]));
  for (const schema of expected.schemas) {
    const owner = liveSchemas.get(schema.name);
    if (owner === undefined) {
      drift.push({
        kind: "missing-schema",
        object: `schema ${schema.name}`,
        detail: `schema "${schema.name}" does not exist`,
        fix: "appbase grants apply",
      });
    } else if (schema.authority === "lakebase" && owner !== binding.appPrincipal) {
      drift.push({
        kind: "wrong-owner",
        object: `schema ${schema.name}`,
        detail: `owned by "${owner}", expected the app role "${binding.appPrincipal}"`,
        fix: `ALTER SCHEMA ${q(schema.name)} OWNER TO ${quoteIdent(binding.appPrincipal)};`,
      });
    } else if (schema.authority === "synced" && owner === binding.appPrincipal) {
      drift.push({
        kind: "wrong-owner",
        object: `schema ${schema.name}`,
        detail: `synced schema is owned by the app role, so the app could write synced data`,
        fix: `ALTER SCHEMA ${q(schema.name)} OWNER TO <the sync pipeline's role>;`,
      });
    }
  }

  // A missing schema is one drift item, not one per grant it would carry.
  const present = (key: string) => liveSchemas.has(key.split("|")[0] ?? "");
  compare(
    drift,
    new Set([...expected.schemaAcl].filter(present)),
    live.schemaAcl
      .filter((e) => e.grantee !== e.owner && !ignored(e.grantee))
      .map((e) => `${e.schema}|${e.grantee}|${e.privilege}`),
    (key) => {
      const [schema = "", role = "", privilege = ""] = key.split("|");
      return { object: `schema ${schema}`, role, privilege, target: `SCHEMA ${q(schema)}` };
    },
  );

  const authority = new Map(expected.schemas.map((s) => [s.name, s.authority]));
  for (const table of live.tables) {
    const object = `table ${table.schema}.${table.name}`;
    if (authority.get(table.schema) === "lakebase" && table.owner !== binding.appPrincipal) {
      drift.push({
        kind: "wrong-owner",
        object,
        detail: `owned by "${table.owner}", expected the app role "${binding.appPrincipal}"`,
        fix: `ALTER TABLE ${q(table.schema, table.name)} OWNER TO ${quoteIdent(binding.appPrincipal)};`,
      });
    }
    if (authority.get(table.schema) === "synced" && table.owner === binding.appPrincipal) {
      drift.push({
        kind: "wrong-owner",
        object,
        detail: "synced table is owned by the app role, so the app could write it",
        fix: `ALTER TABLE ${q(table.schema, table.name)} OWNER TO <the sync pipeline's role>;`,
      });
    }
    const want = new Set([
      ...(expected.tablesAcl.get(table.schema) ?? []),
      ...(expected.tableAcl.get(`${table.schema}.${table.name}`) ?? []),
    ]);
    const have = live.tableAcl
      .filter(
        (e) =>
          e.schema === table.schema && e.name === table.name && e.grantee !== e.owner && !ignored(e.grantee),
      )
      .map((e) => `${e.grantee}|${e.privilege}`);
    compare(drift, want, have, (key) => {
      const [role = "", privilege = ""] = key.split("|");
      return { object, role, privilege, target: `TABLE ${q(table.schema, table.name)}` };
    });
  }
  for (const key of expected.tableAcl.keys()) {
    const [schema = "", name = ""] = key.split(".");
    if (!live.tables.some((t) => t.schema === schema && t.name === name) && liveSchemas.has(schema))
      drift.push({
        kind: "missing-grant",
        object: `table ${key}`,
        detail: `table "${key}" has grants declared but does not exist; run its migration, then apply`,
        fix: "appbase grants apply",
      });
  }

  compareDefaults(drift, new Set([...expected.defaultAcl].filter(present)), live.defaultAcl, ignored);
  return {
    kit: matrix.kit,
    drift,
    checked: { roles: expected.roles.length, schemas: expected.schemas.length, tables: live.tables.length },
  };
}

function compare(
  drift: DriftItem[],
  want: ReadonlySet<string>,
  haveList: readonly string[],
  describe: (key: string) => { object: string; role: string; privilege: string; target: string },
): void {
  const have = new Set(haveList);
  for (const key of want) {
    if (have.has(key)) continue;
    const d = describe(key);
    drift.push({
      kind: "missing-grant",
      object: d.object,
      grantee: d.role,
      privilege: d.privilege,
      detail: `${d.role} lacks ${d.privilege}`,
      fix: `GRANT ${d.privilege} ON ${d.target} TO ${grantee(d.role)};`,
    });
  }
  for (const key of have) {
    if (want.has(key)) continue;
    const d = describe(key);
    drift.push({
      kind: "unexpected-grant",
      object: d.object,
      grantee: d.role,
      privilege: d.privilege,
      detail: `${d.role} holds ${d.privilege}, which the matrix does not declare`,
      fix: `REVOKE ${d.privilege} ON ${d.target} FROM ${grantee(d.role)};`,
    });
  }
}

function compareDefaults(
  drift: DriftItem[],
  want: ReadonlySet<string>,
  live: readonly LiveAclEntry[],
  ignored: (role: string) => boolean,
): void {
  const have = new Set(
    live
      .filter((e) => e.grantee !== e.name && !ignored(e.grantee))
      .map((e) => `${e.schema}|${e.name}|${e.grantee}|${e.privilege}`),
  );
  const describe = (key: string) => {
    const [schema = "", forRole = "", role = "", privilege = ""] = key.split("|");
    const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(forRole)} IN SCHEMA ${q(schema)}`;
    return { schema, forRole, role, privilege, prefix };
  };
  for (const key of want) {
    if (have.has(key)) continue;
    const d = describe(key);
    drift.push({
      kind: "missing-default",
      object: `default privileges for tables ${d.forRole} creates in ${d.schema}`,
      grantee: d.role,
      privilege: d.privilege,
      detail: `future tables will not grant ${d.privilege} to ${d.role}`,
      fix: `${d.prefix} GRANT ${d.privilege} ON TABLES TO ${grantee(d.role)};`,
    });
  }
  for (const key of have) {
    if (want.has(key)) continue;
    const d = describe(key);
    drift.push({
      kind: "unexpected-default",
      object: `default privileges for tables ${d.forRole} creates in ${d.schema}`,
      grantee: d.role,
      privilege: d.privilege,
      detail: `future tables will grant ${d.privilege} to ${d.role}, which the matrix does not declare`,
      fix: `${d.prefix} REVOKE ${d.privilege} ON TABLES FROM ${grantee(d.role)};`,
    });
  }
}
