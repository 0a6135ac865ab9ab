import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApply, runVerify } from "../commands/run-grants.ts";
import { agentOpsMatrix } from "../kits/agent-ops.ts";
import { customerHubMatrix } from "../kits/customer-hub.ts";
import {
  createTestDatabase,
  dropTestDatabase,
  startTestPostgres,
  type TestPostgres,
} from "../testing/test-postgres.ts";
import { applyPostgresPlan, GrantApplyError } from "./apply.ts";
import { postgresPlan } from "./plan.ts";
import { verifyPostgresGrants } from "./verify.ts";

// Separate logins are the point of these tests, so they run on a real PostgreSQL server.
const suffix = Math.random().toString(36).slice(2, 8);
const APP = `ch_app_${suffix}`;
const ADMIN_LOGIN = `ch_admin_${suffix}`;
const STRANGER = `ch_stranger_${suffix}`;
const PASSWORD = `pw-${suffix}`;
const binding = { target: "local", appPrincipal: APP } as const;

let server: TestPostgres;
let database: string;
let admin: pg.Client;

async function as<T>(user: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.urlFor(database, user, PASSWORD) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const denied = (pattern: RegExp) => ({ code: "42501", message: expect.stringMatching(pattern) });

beforeAll(async () => {
  server = await startTestPostgres();
  database = await createTestDatabase(server, "grants");
  admin = new pg.Client({ connectionString: server.superuserUrl(database) });
  await admin.connect();
  // The sync ran before grants were applied, and a developer created an app table as themselves first.
  await admin.query(`
    CREATE SCHEMA customer;
    CREATE TABLE customer.customer_profile (customer_id text PRIMARY KEY, email text, account_manager_id text);
    INSERT INTO customer.customer_profile VALUES ('c-1', 'jane@example.com', 'u-1');
    CREATE SCHEMA customer_hub;
    CREATE TABLE customer_hub.legacy_note (id serial PRIMARY KEY, body text);`);
  await applyPostgresPlan(admin, postgresPlan(customerHubMatrix, binding));
  // After apply: the app creates its own table (as on deploy) and the sync adds a table.
  await admin.query(`
    SET ROLE "${APP}";
    CREATE TABLE customer_hub.note (id serial PRIMARY KEY, customer_id text NOT NULL, body text NOT NULL);
    RESET ROLE;
    CREATE TABLE customer.customer_consent (customer_id text, purpose text, granted boolean);
    ALTER ROLE "${APP}" PASSWORD '${PASSWORD}';
    CREATE ROLE "${ADMIN_LOGIN}" LOGIN PASSWORD '${PASSWORD}' IN ROLE "customer-hub-admins";
    CREATE ROLE "${STRANGER}" LOGIN PASSWORD '${PASSWORD}';`);
});

afterAll(async () => {
  await admin?.end();
  if (server && database) {
    await dropTestDatabase(server, database);
    const cleanup = new pg.Client({ connectionString: server.superuserUrl() });
    await cleanup.connect();
    for (const role of [ADMIN_LOGIN, STRANGER, APP]) await cleanup.query(`DROP ROLE IF EXISTS "${role}"`);
    await cleanup.end();
  }
  await server?.stop();
});

describe("after apply, Postgres itself enforces the matrix", () => {
  it("hands the app every table in its schema, including one a developer created first", async () => {
    const { rows } = await admin.query(
      "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'customer_hub' ORDER BY tablename",
    );
    expect(rows).toEqual([
      { tablename: "legacy_note", tableowner: APP },
      { tablename: "note", tableowner: APP },
    ]);
  });

  it("lets the app read synced tables, old and new, and write its own", async () => {
    await as(APP, async (c) => {
      expect((await c.query("SELECT email FROM customer.customer_profile")).rows).toEqual([
        { email: "jane@example.com" },
      ]);
      expect((await c.query("SELECT count(*)::int AS n FROM customer.customer_consent")).rows).toEqual([
        { n: 0 },
      ]);
      await c.query("INSERT INTO customer_hub.note (customer_id, body) VALUES ('c-1', 'called')");
      await c.query("INSERT INTO customer_hub.legacy_note (body) VALUES ('old')");
    });
  });

  it("stops the app role from writing a synced table", async () => {
    await as(APP, async (c) => {
      await expect(
        c.query("INSERT INTO customer.customer_profile VALUES ('c-2', 'x@example.com', 'u-2')"),
      ).rejects.toMatchObject(denied(/permission denied for table customer_profile/));
      await expect(c.query("UPDATE customer.customer_consent SET granted = true")).rejects.toMatchObject(
        denied(/permission denied for table customer_consent/),
      );
      await expect(c.query("CREATE TABLE customer.shadow (id int)")).rejects.toMatchObject(
        denied(/permission denied for schema customer/),
      );
    });
  });

  it("lets an admin group member read but not write the app's tables", async () => {
    await as(ADMIN_LOGIN, async (c) => {
      expect((await c.query("SELECT body FROM customer_hub.note")).rows).toEqual([{ body: "called" }]);
      await expect(
        c.query("INSERT INTO customer_hub.note (customer_id, body) VALUES ('c-1', 'x')"),
      ).rejects.toMatchObject(denied(/permission denied for table note/));
    });
  });

  it("gives a role without grants Postgres' own permission error", async () => {
    await as(STRANGER, async (c) => {
      await expect(c.query("SELECT * FROM customer_hub.note")).rejects.toMatchObject(
        denied(/permission denied for schema customer_hub/),
      );
      await expect(c.query("SELECT * FROM customer.customer_profile")).rejects.toMatchObject(
        denied(/permission denied for schema customer/),
      );
    });
  });
});

describe("verify", () => {
  it("finds no drift right after apply, and apply is idempotent", async () => {
    await applyPostgresPlan(admin, postgresPlan(customerHubMatrix, binding));
    const report = await verifyPostgresGrants(admin, customerHubMatrix, binding);
    expect(report.drift).toEqual([]);
    expect(report.checked.tables).toBe(4);
  });

  it("reports a grant added by hand and one revoked by hand, and exits non-zero", async () => {
    await admin.query(`GRANT INSERT ON customer.customer_profile TO "${APP}"`);
    await admin.query(`REVOKE SELECT ON customer_hub.note FROM "customer-hub-admins"`);
    const report = await verifyPostgresGrants(admin, customerHubMatrix, binding);
    expect(
      report.drift.map(({ kind, object, grantee, privilege }) => ({ kind, object, grantee, privilege })),
    ).toEqual(
      expect.arrayContaining([
        {
          kind: "unexpected-grant",
          object: "table customer.customer_profile",
          grantee: APP,
          privilege: "INSERT",
        },
        {
          kind: "missing-grant",
          object: "table customer_hub.note",
          grantee: "customer-hub-admins",
          privilege: "SELECT",
        },
      ]),
    );
    expect(report.drift).toHaveLength(2);
    const lines: string[] = [];
    const output = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const options = {
      kit: "customer-hub",
      target: "local",
      appPrincipal: APP,
      catalog: "appbase",
      databaseUrl: server.superuserUrl(database),
    } as const;
    expect(await runVerify(options, output)).toBe(1);
    expect(lines.join("\n")).toContain(`REVOKE INSERT ON TABLE "customer"."customer_profile" FROM "${APP}";`);
  });

  it("reports ownership drift, and apply repairs all of it", async () => {
    await admin.query("ALTER TABLE customer_hub.note OWNER TO postgres");
    const before = await verifyPostgresGrants(admin, customerHubMatrix, binding);
    expect(before.drift.some((d) => d.kind === "wrong-owner" && d.object === "table customer_hub.note")).toBe(
      true,
    );
    const lines: string[] = [];
    const output = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const options = {
      kit: "customer-hub",
      target: "local",
      appPrincipal: APP,
      catalog: "appbase",
      databaseUrl: server.superuserUrl(database),
    } as const;
    expect(await runApply(options, output)).toBe(0);
    expect(await runVerify(options, output)).toBe(0);
    expect(lines.at(-1)).toMatch(/no drift/);
  });

  it("reports a missing role and schema on a database that was never applied", async () => {
    const report = await verifyPostgresGrants(admin, agentOpsMatrix, {
      target: "local",
      appPrincipal: `ao_app_${suffix}`,
    });
    const kinds = new Set(report.drift.map((d) => d.kind));
    expect(kinds).toEqual(new Set(["missing-role", "missing-schema"]));
  });
});

describe("apply failures", () => {
  it("rolls back everything when a statement fails, naming it", async () => {
    const plan = postgresPlan(agentOpsMatrix, {
      target: "databricks",
      appPrincipal: "6f1c2a9e-0d4b-4c43-9e4f-2b7a1f0c9d11",
    });
    const error = await applyPostgresPlan(admin, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantApplyError);
    expect((error as Error).message).toMatch(/databricks_auth/);
    const { rows } = await admin.query(
      "SELECT nspname FROM pg_namespace WHERE nspname IN ('agent_ops', 'agents')",
    );
    expect(rows).toEqual([]);
  });
});
