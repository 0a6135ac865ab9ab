import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeProcessFile } from "../local/process-file.ts";
import { type LocalLakebase, serveLocalLakebase } from "../local/serve.ts";
import { lakebasePaths } from "../local/state-dir.ts";
import { createPool, selectDbMode } from "./create-pool.ts";

let stateDir: string;
let lakebase: LocalLakebase;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "appbase-pool-"));
  lakebase = await serveLocalLakebase({ dataDir: lakebasePaths(stateDir).dataDir, port: 0 });
});

afterAll(async () => {
  await lakebase?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

describe("selectDbMode", () => {
  it.each([
    [{}, "local"],
    [{ DATABASE_URL: "postgres://u@h/d" }, "postgres"],
    [{ PGHOST: "db.internal" }, "postgres"],
    [{ LAKEBASE_ENDPOINT: "projects/p/branches/b/endpoints/e", PGHOST: "h" }, "lakebase"],
    [{ DATABASE_URL: "" }, "local"],
  ])("%j -> %s", (env, mode) => {
    expect(selectDbMode(env)).toBe(mode);
  });
});

describe("createPool", () => {
  it("says how to start the local Lakebase when it is not running", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "appbase-empty-"));
    try {
      await expect(createPool({ env: { APPBASE_STATE_DIR: empty } })).rejects.toThrow(
        "The local Lakebase is not running: start it with `pnpm appbase lakebase start` (or README command 1)",
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("connects to the running local Lakebase named in the state folder", async () => {
    const paths = lakebasePaths(stateDir);
    await mkdir(paths.dir, { recursive: true });
    await writeProcessFile(paths.processFile, {
      pid: process.pid,
      port: lakebase.port,
      url: lakebase.url,
      startedAt: new Date().toISOString(),
      dataDir: paths.dataDir,
    });
    const db = await createPool({ env: { APPBASE_STATE_DIR: stateDir }, applicationName: "pool-test" });
    try {
      expect(db.mode).toBe("local");
      expect(db.describe()).toBe(
        `local Lakebase postgres@127.0.0.1:${lakebase.port}/postgres (state ${stateDir})`,
      );
      const { rows } = await db.pool.query<{ n: number }>("SELECT 41 + 1 AS n");
      expect(rows).toEqual([{ n: 42 }]);
    } finally {
      await db.close();
      await db.close(); // closing twice is harmless
    }
  });

  it("uses DATABASE_URL and never shows its password", async () => {
    const url = process.env.DATABASE_URL ?? lakebase.url.replace("postgres:postgres@", "postgres:s3cret@");
    const db = await createPool({ env: { DATABASE_URL: url } });
    try {
      expect(db.mode).toBe("postgres");
      expect(db.describe()).toMatch(/^postgres .*@.*:\d+\/\w+ \(from DATABASE_URL\)$/);
      expect(db.describe()).not.toContain(new URL(url).password || "s3cret");
      expect((await db.pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it("uses the PG* variables when PGHOST is set", async () => {
    const db = await createPool({
      env: { PGHOST: "127.0.0.1", PGPORT: String(lakebase.port), PGUSER: "postgres", PGDATABASE: "postgres" },
    });
    try {
      expect(db.mode).toBe("postgres");
      expect(db.describe()).toBe(
        `postgres postgres@127.0.0.1:${lakebase.port}/postgres (from PG* variables)`,
      );
      expect((await db.pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it("names a malformed variable", async () => {
    await expect(createPool({ env: { PGHOST: "h", PGPORT: "five" } })).rejects.toThrow(
      "PGPORT: PGPORT must be a TCP port number (1-65535), e.g. PGPORT=5433",
    );
  });
});
