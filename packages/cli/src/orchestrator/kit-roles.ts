import { randomBytes } from "node:crypto";
import { MIGRATIONS_SCHEMA } from "@appbase/db";
import { SYNC_STATUS_SCHEMA } from "@appbase/db/synced-status";
import { quoteIdent, quoteLiteral } from "@appbase/grants";
import { appPrincipalFor } from "@appbase/grants/commands";
import { applyPostgresPlan, type PlannedStatement, postgresPlan } from "@appbase/grants/postgres";
import { governanceMigrations } from "@appbase/lakehouse/governance";
import type pg from "pg";
import type { Kit } from "../kits.ts";

/** The Governance Writer's outbox schema (its migrations' owner), shared by the kits with governed tables. */
const GOVERNANCE_SCHEMA = governanceMigrations.owner;

/** A kit's own Postgres login on a real server: the role its matrix binds the app to, and its URL. */
export interface KitLogin {
  kit: string;
  role: string;
  databaseUrl: string;
}

/** The kit's app role on a plain Postgres (the same default `appbase grants apply|verify` use). */
export function kitRole(kit: Pick<Kit, "id">): string {
  return appPrincipalFor(kit.id, { target: "local", catalog: "appbase" });
}

/**
 * What a kit needs beyond its matrix to run on the local platform: read its migration journal (it
 * checks it on start, see self-provisioning), read the local Synced Tables engine's status, and for a
 * governed kit write the Governance Writer's outbox. Idempotent; the schemas exist after `prepareDatabase`.
 */
export function localRuntimeGrants(
  kit: Pick<Kit, "schemaName" | "governed">,
  role: string,
): PlannedStatement[] {
  const r = quoteIdent(role);
  const journals = [kit.schemaName, ...(kit.governed?.length ? [GOVERNANCE_SCHEMA] : [])];
  const statements: PlannedStatement[] = [
    { sql: `GRANT USAGE ON SCHEMA ${MIGRATIONS_SCHEMA} TO ${r};`, purpose: "the migration journals" },
    ...journals.map((owner) => ({
      sql: `DO $grants$ BEGIN IF to_regclass(${quoteLiteral(`${MIGRATIONS_SCHEMA}.${quoteIdent(owner)}`)}) IS NOT NULL THEN
  EXECUTE format('GRANT SELECT, INSERT ON %I.%I TO %I', ${quoteLiteral(MIGRATIONS_SCHEMA)}, ${quoteLiteral(owner)}, ${quoteLiteral(role)});
END IF; END $grants$;`,
      purpose: `the ${owner} migration journal`,
    })),
    { sql: `GRANT USAGE ON SCHEMA ${SYNC_STATUS_SCHEMA} TO ${r};`, purpose: "the synced tables' status" },
    {
      sql: `GRANT SELECT ON ALL TABLES IN SCHEMA ${SYNC_STATUS_SCHEMA} TO ${r};`,
      purpose: "the synced tables' status (read-only)",
    },
  ];
  if (kit.governed?.length) {
    statements.push(
      { sql: `GRANT USAGE ON SCHEMA ${GOVERNANCE_SCHEMA} TO ${r};`, purpose: "the governance outbox" },
      {
        sql: `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${GOVERNANCE_SCHEMA} TO ${r};`,
        purpose: "the governance outbox (rows only)",
      },
      {
        sql: `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${GOVERNANCE_SCHEMA} TO ${r};`,
        purpose: "the governance outbox's ids",
      },
    );
  }
  return statements;
}

/**
 * On a real PostgreSQL (`DATABASE_URL`), after migrations and data: applies each kit's Postgres grants
 * from its matrix (`appbase grants apply --target local`), gives its role this run's password, and
 * returns the URL the kit connects with, as that role instead of the superuser `up` runs as.
 */
export async function applyKitLogins(
  pool: pg.Pool,
  kits: readonly Kit[],
  adminUrl: string,
  log: (line: string) => void = () => {},
): Promise<KitLogin[]> {
  const logins: KitLogin[] = [];
  const client = await pool.connect();
  try {
    for (const kit of kits) {
      const role = kitRole(kit);
      const plan = [
        ...postgresPlan(kit.matrix, { target: "local", appPrincipal: role }),
        ...localRuntimeGrants(kit, role),
      ];
      const { applied } = await applyPostgresPlan(client, plan);
      // A fresh password each run: nothing to store, and a previous run's URL stops working.
      const password = randomBytes(24).toString("base64url");
      await client.query(
        `ALTER ROLE ${quoteIdent(role)} WITH LOGIN NOSUPERUSER PASSWORD ${quoteLiteral(password)}`,
      );
      const url = new URL(adminUrl);
      url.username = role;
      url.password = password;
      logins.push({ kit: kit.id, role, databaseUrl: url.toString() });
      log(`Grants for ${kit.id}: ${applied} statements applied; the kit connects as "${role}"`);
    }
  } finally {
    client.release();
  }
  return logins;
}
