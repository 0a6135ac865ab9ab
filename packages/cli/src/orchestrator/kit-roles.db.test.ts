import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "@appbase/db";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { runVerify } from "@appbase/grants/commands";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverKits } from "../kits.ts";
import { findRepoRoot } from "../repo.ts";
import { applyKitLogins, type KitLogin } from "./kit-roles.ts";
import { prepareDatabase } from "./prepare-database.ts";

// What `appbase up` does on a real PostgreSQL (DATABASE_URL): migrate and load as the admin, then apply
// every kit's Postgres grants and hand each kit its own login. Roles and grants exist only on a real
// server (the embedded Lakebase is one shared superuser session), so this runs in the PostgreSQL pass
// of the tests (test-all: DATABASE_URL set) and is skipped on the embedded one.
const onServer = Boolean(process.env.DATABASE_URL);
const kits = await discoverKits(findRepoRoot());
const stateDir = mkdtempSync(join(tmpdir(), "appbase-kit-roles-"));
let db: TestDatabase;
let logins: KitLogin[];

beforeAll(async () => {
  if (!onServer) return;
  db = await createTestDatabase({ migrations: [] });
  const prepared = await prepareDatabase({
    stateDir,
    env: { DATABASE_URL: db.url },
    kits,
    seed: 7,
    scale: "tiny",
    log: () => {},
  });
  logins = await applyKitLogins(prepared.db.pool, kits, db.url);
  await prepared.db.close();
}, 600_000);
afterAll(async () => {
  await db?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function as<T>(login: KitLogin, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: login.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const loginOf = (kit: string) => {
  const login = logins.find((l) => l.kit === kit);
  if (!login) throw new Error(`no login for ${kit}`);
  return login;
};

describe.skipIf(!onServer)("appbase up on a real PostgreSQL: kits run as their own roles", () => {
  it("`appbase grants verify` is clean right after", async () => {
    const lines: string[] = [];
    const output = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERROR ${l}`) };
    const code = await runVerify(
      { target: "local", catalog: "appbase", databaseUrl: db.url },
      kits.map((k) => k.matrix),
      output,
    );
    expect(lines.filter((l) => l.startsWith("ERROR"))).toEqual([]);
    expect(code).toBe(0);
  });

  it("every kit connects as its own login role, not a superuser", async () => {
    expect(logins.map((l) => l.kit).sort()).toEqual(kits.map((k) => k.id).sort());
    for (const login of logins) {
      const who = await as(login, (c) =>
        c.query<{ user: string; rolsuper: boolean; rolcreaterole: boolean }>(
          "select current_user as user, rolsuper, rolcreaterole from pg_roles where rolname = current_user",
        ),
      );
      expect(who.rows[0]).toEqual({ user: login.role, rolsuper: false, rolcreaterole: false });
    }
  });

  it("a kit reads its synced tables, writes only its own schema, and starts (its migration journal is up to date)", async () => {
    const hub = kits.find((k) => k.id === "customer-hub");
    if (!hub) throw new Error("customer-hub kit not found under apps/");
    const login = loginOf("customer-hub");
    await as(login, async (c) => {
      const customers = await c.query<{ n: number }>("select count(*)::int as n from customer.customers");
      expect(customers.rows[0]?.n).toBeGreaterThan(0);
      await expect(
        c.query("update customer.customers set full_name = 'x' where customer_id = 'C0000001'"),
      ).rejects.toMatchObject({ code: "42501" });
      await expect(c.query("create table customer.intruder (id int)")).rejects.toMatchObject({
        code: "42501",
      });
      // Another kit's schema is not this kit's to read.
      await expect(c.query("select 1 from agent_ops.review_item limit 1")).rejects.toMatchObject({
        code: "42501",
      });
      await c.query(
        `insert into customer_hub.notes (customer_id, body, request_id, author_email, updated_by)
         values ('C0000001', 'written as the kit', gen_random_uuid(), 'a@example.com', 'a@example.com')`,
      );
      await c.query("select * from appbase_meta.synced_table_status limit 1");
    });
    // The kit's start-up check (self-provisioning) runs as the kit and finds nothing to apply.
    const pool = new pg.Pool({ connectionString: login.databaseUrl, max: 1 });
    try {
      expect(
        await applyMigrations(pool, { owner: hub.schemaName, migrationsFolder: hub.migrationsFolder }),
      ).toEqual({
        applied: 0,
      });
    } finally {
      await pool.end();
    }
  });

  it("a second run applies the same grants again (idempotent), with a new password", async () => {
    const before = loginOf("customer-hub");
    const admin = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const hub = kits.filter((k) => k.id === "customer-hub");
      const [again] = await applyKitLogins(admin, hub, db.url);
      expect(again?.role).toBe(before.role);
      expect(again?.databaseUrl).not.toBe(before.databaseUrl);
      await as(again!, (c) => c.query("select 1 from customer_hub.notes limit 1"));
    } finally {
      await admin.end();
    }
  });
});
