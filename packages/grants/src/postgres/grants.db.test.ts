import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApply, runVerify } from "../commands/run-grants.ts";
import { queueMatrix, sampleMatrices, sampleMatrix } from "../testing/sample-matrices.ts";
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
    CREATE SCHEMA sample_gold;
    CREATE TABLE sample_gold.contact (contact_id text PRIMARY KEY, email text);
    INSERT INTO sample_gold.contact VALUES ('c-1', 'jane@example.com');
    CREATE SCHEMA sample_desk;
    CREATE TABLE sample_desk.legacy_note (id serial PRIMARY KEY, body text);`);
  await applyPostgresPlan(admin, postgresPlan(sampleMatrix, binding));
  // After apply: the app creates its own table (as on deploy) and the sync adds a table.
  await admin.query(`
    SET ROLE "${APP}";
    CREATE TABLE sample_desk.note (id serial PRIMARY KEY, contact_id text NOT NULL, body text NOT NULL);
    RESET ROLE;
    CREATE TABLE sample_gold.contact_consent (contact_id text, purpose text, granted boolean);
    ALTER ROLE "${APP}" PASSWORD '${PASSWORD}';
    CREATE ROLE "${ADMIN_LOGIN}" LOGIN PASSWORD '${PASSWORD}' IN ROLE "sample-desk-admins";
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
      "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'sample_desk' ORDER BY tablename",
    );
    expect(rows).toEqual([
      { tablename: "legacy_note", tableowner: APP },
      { tablename: "note", tableowner: APP },
    ]);
  });

  it("lets the app read synced tables, old and new, and write its own", async () => {
    await as(APP, async (c) => {
      expect((await c.query("SELECT email FROM sample_gold.contact")).rows).toEqual([
        { email: "jane@example.com" },
      ]);
      expect((await c.query("SELECT count(*)::int AS n FROM sample_gold.contact_consent")).rows).toEqual([
        { n: 0 },
      ]);
      await c.query("INSERT INTO sample_desk.note (contact_id, body) VALUES ('c-1', 'called')");
      await c.query("INSERT INTO sample_desk.legacy_note (body) VALUES ('old')");
    });
  });

  it("stops the app role from writing a synced table", async () => {
    await as(APP, async (c) => {
      await expect(
        c.query("INSERT INTO sample_gold.contact VALUES ('c-2', 'x@example.com')"),
      ).rejects.toMatchObject(denied(/permission denied for table contact/));
      await expect(c.query("UPDATE sample_gold.contact_consent SET granted = true")).rejects.toMatchObject(
        denied(/permission denied for table contact_consent/),
      );
      await expect(c.query("CREATE TABLE sample_gold.shadow (id int)")).rejects.toMatchObject(
        denied(/permission denied for schema sample_gold/),
      );
    });
  });

  it("lets an admin group member read but not write the app's tables", async () => {
    await as(ADMIN_LOGIN, async (c) => {
      expect((await c.query("SELECT body FROM sample_desk.note")).rows).toEqual([{ body: "called" }]);
      await expect(
        c.query("INSERT INTO sample_desk.note (contact_id, body) VALUES ('c-1', 'x')"),
      ).rejects.toMatchObject(denied(/permission denied for table note/));
    });
  });

  it("gives a role without grants Postgres' own permission error", async () => {
    await as(STRANGER, async (c) => {
      await expect(c.query("SELECT * FROM sample_desk.note")).rejects.toMatchObject(
        denied(/permission denied for schema sample_desk/),
      );
      await expect(c.query("SELECT * FROM sample_gold.contact")).rejects.toMatchObject(
        denied(/permission denied for schema sample_gold/),
      );
    });
  });
});

describe("verify", () => {
  it("finds no drift right after apply, and apply is idempotent", async () => {
    await applyPostgresPlan(admin, postgresPlan(sampleMatrix, binding));
    const report = await verifyPostgresGrants(admin, sampleMatrix, binding);
    expect(report.drift).toEqual([]);
    expect(report.checked.tables).toBe(4);
  });

  it("reports a grant added by hand and one revoked by hand, and exits non-zero", async () => {
    await admin.query(`GRANT INSERT ON sample_gold.contact TO "${APP}"`);
    await admin.query(`REVOKE SELECT ON sample_desk.note FROM "sample-desk-admins"`);
    const report = await verifyPostgresGrants(admin, sampleMatrix, binding);
    expect(
      report.drift.map(({ kind, object, grantee, privilege }) => ({ kind, object, grantee, privilege })),
    ).toEqual(
      expect.arrayContaining([
        {
          kind: "unexpected-grant",
          object: "table sample_gold.contact",
          grantee: APP,
          privilege: "INSERT",
        },
        {
          kind: "missing-grant",
          object: "table sample_desk.note",
          grantee: "sample-desk-admins",
          privilege: "SELECT",
        },
      ]),
    );
    expect(report.drift).toHaveLength(2);
    const lines: string[] = [];
    const output = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const options = {
      kit: "sample-desk",
      target: "local",
      appPrincipal: APP,
      catalog: "appbase",
      databaseUrl: server.superuserUrl(database),
    } as const;
    expect(await runVerify(options, sampleMatrices, output)).toBe(1);
    expect(lines.join("\n")).toContain(`REVOKE INSERT ON TABLE "sample_gold"."contact" FROM "${APP}";`);
  });

  it("reports ownership drift, and apply repairs all of it", async () => {
    await admin.query("ALTER TABLE sample_desk.note OWNER TO postgres");
    const before = await verifyPostgresGrants(admin, sampleMatrix, binding);
    expect(before.drift.some((d) => d.kind === "wrong-owner" && d.object === "table sample_desk.note")).toBe(
      true,
    );
    const lines: string[] = [];
    const output = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const options = {
      kit: "sample-desk",
      target: "local",
      appPrincipal: APP,
      catalog: "appbase",
      databaseUrl: server.superuserUrl(database),
    } as const;
    expect(await runApply(options, sampleMatrices, output)).toBe(0);
    expect(await runVerify(options, sampleMatrices, output)).toBe(0);
    expect(lines.at(-1)).toMatch(/no drift/);
  });

  it("reports a missing role and schema on a database that was never applied", async () => {
    const report = await verifyPostgresGrants(admin, queueMatrix, {
      target: "local",
      appPrincipal: `ao_app_${suffix}`,
    });
    const kinds = new Set(report.drift.map((d) => d.kind));
    expect(kinds).toEqual(new Set(["missing-role", "missing-schema"]));
  });
});

describe("apply failures", () => {
  it("rolls back everything when a statement fails, naming it", async () => {
    const plan = postgresPlan(queueMatrix, {
      target: "databricks",
      appPrincipal: "6f1c2a9e-0d4b-4c43-9e4f-2b7a1f0c9d11",
    });
    const error = await applyPostgresPlan(admin, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantApplyError);
    expect((error as Error).message).toMatch(/databricks_auth/);
    const { rows } = await admin.query("SELECT nspname FROM pg_namespace WHERE nspname IN ('sample_queue')");
    expect(rows).toEqual([]);
  });
});
