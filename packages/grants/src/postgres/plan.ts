import { principalsOf } from "../define-kit-matrix.ts";
import type { KitMatrix, PgGrant } from "../matrix.ts";
import { identityTypeOf, type Principal, principalName } from "../principals.ts";
import { quoteIdent, quoteLiteral } from "../sql-quote.ts";
import { type PostgresBinding, schemasOf } from "./binding.ts";

/** One idempotent statement of a Postgres grants plan, with the reason it exists. */
export interface PlannedStatement {
  readonly sql: string;
  readonly purpose: string;
}

/** Writes to synced tables that are revoked from every principal, even if granted by hand. */
const SYNCED_WRITE_PRIVILEGES = "INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER";

function createRole(p: Principal, binding: PostgresBinding): PlannedStatement {
  const name = principalName(p, binding);
  const exists = `SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ${quoteLiteral(name)}`;
  const create =
    binding.target === "databricks"
      ? `PERFORM databricks_create_role(${quoteLiteral(name)}, ${quoteLiteral(identityTypeOf(p))});`
      : `CREATE ROLE ${quoteIdent(name)} ${p.kind === "group" ? "NOLOGIN" : "LOGIN"};`;
  // Two applies racing on a shared cluster both see "missing"; the loser's duplicate is harmless.
  const sql = `DO $grants$ BEGIN IF NOT EXISTS (${exists}) THEN ${create} END IF; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $grants$;`;
  return {
    sql,
    purpose: `role for ${p.kind === "app" ? "the app's service principal" : `${p.kind} ${name}`}`,
  };
}

/**
 * Hands every relation in an app schema to the app, fixing the "ran locally first, now permission
 * denied" trap. Sequences owned by a column follow their table, so they are skipped.
 */
function reassignRelations(schema: string, app: string): PlannedStatement {
  const sql = `DO $grants$ DECLARE r record; BEGIN
  FOR r IN SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${quoteLiteral(schema)} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND pg_catalog.pg_get_userbyid(c.relowner) <> ${quoteLiteral(app)}
      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER %s %I.%I OWNER TO %I',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
        WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
      ${quoteLiteral(schema)}, r.relname, ${quoteLiteral(app)});
  END LOOP;
END $grants$;`;
  return { sql, purpose: `every relation in ${schema} owned by the app` };
}

function grantStatements(grant: PgGrant, binding: PostgresBinding, matrix: KitMatrix): PlannedStatement[] {
  const grantee = quoteIdent(principalName(grant.principal, binding));
  const schema = quoteIdent(grant.schema);
  const privileges = grant.privileges.join(", ");
  if (grant.on === "schema") {
    return [
      {
        sql: `GRANT ${privileges} ON SCHEMA ${schema} TO ${grantee};`,
        purpose: `schema access on ${grant.schema}`,
      },
    ];
  }
  if (grant.on === "tables") {
    const synced = schemasOf(matrix, "synced").some((s) => s.name === grant.schema);
    const creator = synced ? binding.syncedTableOwner : binding.appPrincipal;
    const forRole = creator ? `FOR ROLE ${quoteIdent(creator)} ` : "";
    return [
      {
        sql: `GRANT ${privileges} ON ALL TABLES IN SCHEMA ${schema} TO ${grantee};`,
        purpose: `existing tables in ${grant.schema}`,
      },
      {
        sql: `ALTER DEFAULT PRIVILEGES ${forRole}IN SCHEMA ${schema} GRANT ${privileges} ON TABLES TO ${grantee};`,
        purpose: `tables created later in ${grant.schema}`,
      },
    ];
  }
  // A single-table grant expects the table to exist: migrations run before grants are applied.
  return [
    {
      sql: `GRANT ${privileges} ON TABLE ${schema}.${quoteIdent(grant.on.table)} TO ${grantee};`,
      purpose: `table ${grant.schema}.${grant.on.table}`,
    },
  ];
}

/** The idempotent Postgres statements that make a live database match the matrix. */
export function postgresPlan(matrix: KitMatrix, binding: PostgresBinding): PlannedStatement[] {
  const app = binding.appPrincipal;
  const plan: PlannedStatement[] = [];
  if (binding.target === "databricks") {
    plan.push({
      sql: "CREATE EXTENSION IF NOT EXISTS databricks_auth;",
      purpose: "databricks_create_role maps Databricks identities to Postgres roles",
    });
  }
  for (const p of principalsOf(matrix, "lakebase")) plan.push(createRole(p, binding));

  for (const schema of schemasOf(matrix, "lakebase")) {
    const s = quoteIdent(schema.name);
    plan.push(
      {
        sql: `CREATE SCHEMA IF NOT EXISTS ${s} AUTHORIZATION ${quoteIdent(app)};`,
        purpose: `app schema ${schema.name}`,
      },
      { sql: `ALTER SCHEMA ${s} OWNER TO ${quoteIdent(app)};`, purpose: `the app owns ${schema.name}` },
      reassignRelations(schema.name, app),
    );
  }
  for (const schema of schemasOf(matrix, "synced")) {
    const s = quoteIdent(schema.name);
    plan.push({
      sql: `CREATE SCHEMA IF NOT EXISTS ${s};`,
      purpose: `synced schema ${schema.name} exists before its grants`,
    });
    const readers = new Set([
      app,
      ...matrix.lakebase.grants
        .filter((g) => g.schema === schema.name)
        .map((g) => principalName(g.principal, binding)),
    ]);
    for (const reader of readers) {
      const r = quoteIdent(reader);
      plan.push(
        {
          sql: `REVOKE CREATE ON SCHEMA ${s} FROM ${r};`,
          purpose: `synced schema ${schema.name} is read-only`,
        },
        {
          sql: `REVOKE ${SYNCED_WRITE_PRIVILEGES} ON ALL TABLES IN SCHEMA ${s} FROM ${r};`,
          purpose: `synced tables in ${schema.name} are SELECT-only`,
        },
      );
    }
  }
  for (const grant of matrix.lakebase.grants) plan.push(...grantStatements(grant, binding, matrix));
  return plan;
}
