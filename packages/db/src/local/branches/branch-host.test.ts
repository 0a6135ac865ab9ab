import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateDataDir } from "../../testing/embedded-database.ts";
import { type LocalLakebase, serveLocalLakebase } from "../serve.ts";
import { BranchHost } from "./branch-host.ts";

let tempDir: string;
let main: LocalLakebase;
let host: BranchHost;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
const count = async (url: string) =>
  Number((await query<{ n: string }>(url, "SELECT count(*) AS n FROM t"))[0]?.n);

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "branch-host-"));
  main = await serveLocalLakebase({
    dataDir: path.join(tempDir, "data"),
    port: 0,
    loadDataDir: await templateDataDir(),
  });
  await query(
    main.url,
    "CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g",
  );
  host = await BranchHost.open({ main, dir: path.join(tempDir, "branches") });
});

afterAll(async () => {
  await host?.close();
  await main?.stop();
  await rm(tempDir, { recursive: true, force: true });
});

describe("BranchHost", () => {
  it("serves a new branch on its own URL with the parent's committed data, and writes stay on it", async () => {
    const branch = await host.create({ name: "dev", ttlSeconds: 3600 });
    expect(branch.url).not.toBe(main.url);
    await query(branch.url, "DELETE FROM t WHERE id <= 10");
    expect(await count(branch.url)).toBe(90);
    expect(await count(main.url)).toBe(100);
    expect(host.list().map((b) => b.name)).toEqual(["main", "dev"]);
  });

  it("refuses bad ids, duplicates and unknown parents with Lakebase's error codes", async () => {
    await expect(host.create({ name: "Bad_Name" })).rejects.toMatchObject({
      code: "INVALID_PARAMETER_VALUE",
    });
    await expect(host.create({ name: "dev" })).rejects.toMatchObject({ code: "ALREADY_EXISTS" });
    await expect(host.create({ name: "x", parent: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(host.reset("main")).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
  });

  it("resets a branch to its parent's current data", async () => {
    await query(main.url, "INSERT INTO t VALUES (101, 'new on main')");
    await host.reset("dev");
    expect(await count(host.get("dev").url)).toBe(101);
  });

  it("creates a branch from a kept point in time and refuses a time before the first snapshot", async () => {
    const before = new Date(Date.now() - 60_000);
    await expect(host.create({ name: "old", at: before })).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
    });
    const snapshot = await host.snapshot("main");
    await query(main.url, "INSERT INTO t VALUES (102, 'after the snapshot')");
    const old = await host.create({ name: "old", at: new Date() });
    expect(old.sourceTime).toBe(snapshot.takenAt);
    expect(await count(old.url)).toBe(101);
  });

  it("skips a periodic snapshot when nothing was written, and deletes expired branches", async () => {
    await host.tick();
    const kept = host.snapshots().length;
    expect((await host.tick()).snapshots).toEqual([]);
    expect(host.snapshots()).toHaveLength(kept);
    await host.setExpiry("old", new Date(Date.now() - 1000));
    expect(await host.deleteExpired()).toEqual(["old"]);
  });

  it("keeps its branches across a restart, then deletes one with its data", async () => {
    await host.close();
    host = await BranchHost.open({ main, dir: path.join(tempDir, "branches") });
    expect(host.list().map((b) => b.name)).toEqual(["main", "dev"]);
    expect(await count(host.get("dev").url)).toBe(101);
    await host.delete("dev");
    expect(host.list().map((b) => b.name)).toEqual(["main"]);
    await expect(host.delete("dev")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
