import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type FakeWorkspace,
  type LakebaseCredentialRoutes,
  lakebaseCredentialRoutes,
  startFakeWorkspace,
} from "@appbase/databricks/testing";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type PasswordGate, startPasswordGate } from "../local/password-gate.ts";
import { type LocalLakebase, serveLocalLakebase } from "../local/serve.ts";
import { createPool } from "./create-pool.ts";

const ENDPOINT = "projects/appbase/branches/production/endpoints/primary";
const DENIED = "projects/appbase/branches/production/endpoints/locked";
const CLIENT_ID = "4f1e2d3c-0000-4000-8000-00000000a11e";
const CLIENT_SECRET = "dose-fake-secret";
const LIFETIME_MS = 10 * 60_000;
// On a real server the app's role gets the token as its password, so the server checks it too.
const ROLE = "appbase_lakebase_sp_test";

let fake: FakeWorkspace;
let lakebase: LakebaseCredentialRoutes;
let gate: PasswordGate;
let embedded: LocalLakebase | undefined;
let admin: pg.Pool | undefined;
let tempDir: string;
let database = "postgres";

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "appbase-lakebase-"));
  let upstream: { host: string; port: number };
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const url = new URL(serverUrl);
    upstream = { host: url.hostname, port: Number(url.port || 5432) };
    database = url.pathname.slice(1) || "postgres";
    admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
    await admin.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await admin.query(`CREATE ROLE ${ROLE} LOGIN`);
  } else {
    embedded = await serveLocalLakebase({ dataDir: path.join(tempDir, "data"), port: 0 });
    upstream = { host: "127.0.0.1", port: embedded.port };
  }
  lakebase = lakebaseCredentialRoutes({
    endpoints: [ENDPOINT, DENIED],
    defaultTtlSeconds: LIFETIME_MS / 1000,
    onCredential: async ({ token }) => {
      await admin?.query(`DO $$ BEGIN EXECUTE format('ALTER ROLE ${ROLE} PASSWORD %L', '${token}'); END $$`);
    },
  });
  fake = await startFakeWorkspace({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    routes: lakebase.routes,
  });
  lakebase.deny(DENIED);
  gate = await startPasswordGate({
    upstream,
    check: (_user, password) => lakebase.isValidCredential(password),
  });
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await gate?.close();
  await fake?.close();
  await embedded?.stop();
  await admin?.query(`DROP ROLE IF EXISTS ${ROLE}`);
  await admin?.end();
  await rm(tempDir, { recursive: true, force: true });
});

function lakebaseEnv(overrides: Record<string, string> = {}) {
  return {
    LAKEBASE_ENDPOINT: ENDPOINT,
    PGHOST: "127.0.0.1",
    PGPORT: String(gate.port),
    PGDATABASE: database,
    PGUSER: ROLE,
    PGSSLMODE: "disable",
    DATABRICKS_HOST: fake.host,
    DATABRICKS_CLIENT_ID: CLIENT_ID,
    DATABRICKS_CLIENT_SECRET: CLIENT_SECRET,
    ...overrides,
  };
}

describe("createPool in Lakebase mode", () => {
  it("gets a credential with the service principal's OAuth token and uses it as the password", async () => {
    const before = lakebase.minted.length;
    const db = await createPool({ env: lakebaseEnv() });
    try {
      expect(db.mode).toBe("lakebase");
      const { rows } = await db.pool.query<{ ok: number }>("SELECT 1 AS ok");
      expect(rows).toEqual([{ ok: 1 }]);
      expect(fake.calls("oidc.token")).toBeGreaterThan(0);
      expect(lakebase.minted.length).toBe(before + 1);
      const token = lakebase.minted.at(-1)!.token;
      expect(gate.logins.at(-1)).toEqual({ user: ROLE, password: token, accepted: true });
      expect(db.describe()).toContain(ENDPOINT);
      expect(db.describe()).not.toContain(token);
      expect(db.describe()).not.toContain(CLIENT_SECRET);
    } finally {
      await db.close();
    }
  });

  it("the gate refuses a password that is not a live credential", async () => {
    const client = new pg.Client({
      host: "127.0.0.1",
      port: gate.port,
      user: ROLE,
      database,
      password: "guess",
    });
    await expect(client.connect()).rejects.toThrow(`password authentication failed for user "${ROLE}"`);
  });

  it("refreshes the token before it expires, with one request for concurrent connects", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now();
    const db = await createPool({ env: lakebaseEnv() });
    const held: pg.PoolClient[] = [];
    try {
      held.push(await db.pool.connect());
      const first = lakebase.minted.at(-1)!;
      const minted = lakebase.minted.length;

      vi.setSystemTime(t0 + 5 * 60_000); // 5 min left: the cached token is reused
      held.push(await db.pool.connect());
      expect(lakebase.minted.length).toBe(minted);
      expect(gate.logins.at(-1)!.password).toBe(first.token);

      vi.setSystemTime(t0 + 8 * 60_000 + 1_000); // under 2 min left: refresh, though still valid
      expect(lakebase.isValidCredential(first.token)).toBe(true);
      const loginsBefore = gate.logins.length;
      held.push(...(await Promise.all(Array.from({ length: 5 }, () => db.pool.connect()))));
      expect(lakebase.minted.length).toBe(minted + 1);
      const second = lakebase.minted.at(-1)!;
      expect(second.token).not.toBe(first.token);
      const newLogins = gate.logins.slice(loginsBefore);
      expect(newLogins).toHaveLength(5);
      expect(newLogins.every((login) => login.password === second.token && login.accepted)).toBe(true);
      const { rows } = await held.at(-1)!.query<{ ok: number }>("SELECT 2 AS ok");
      expect(rows).toEqual([{ ok: 2 }]);
    } finally {
      for (const client of held) client.release(true);
      await db.close();
    }
  });

  it("explains a 403 from the credentials API", async () => {
    const db = await createPool({ env: lakebaseEnv({ LAKEBASE_ENDPOINT: DENIED }) });
    try {
      await expect(db.pool.query("SELECT 1")).rejects.toThrow(
        `Could not get a Lakebase credential for endpoint ${DENIED}: 403 PERMISSION_DENIED User does not have CAN_CONNECT_AND_CREATE on ${DENIED}.; check that the app's service principal has CAN_CONNECT_AND_CREATE`,
      );
    } finally {
      await db.close();
    }
  });

  it("explains rejected service principal credentials", async () => {
    const db = await createPool({ env: lakebaseEnv({ DATABRICKS_CLIENT_SECRET: "wrong" }) });
    try {
      await expect(db.pool.query("SELECT 1")).rejects.toThrow(
        /Could not get a Lakebase credential for endpoint .*invalid_client.*check DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET/,
      );
    } finally {
      await db.close();
    }
  });

  it("names every missing variable", async () => {
    await expect(createPool({ env: { LAKEBASE_ENDPOINT: ENDPOINT, PGHOST: "h" } })).rejects.toThrow(
      "LAKEBASE_ENDPOINT is set, so Lakebase mode needs PGDATABASE, DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET as well.",
    );
  });
});
