import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BranchError, describeConnection } from "../branch-port.ts";
import { diffBranchRows } from "../diff/row-diff.ts";
import { diffBranchSchema } from "../diff/schema-diff.ts";
import { type LocalLakebaseFixture, startLocalLakebaseFixture } from "../testing/local-lakebase-fixture.ts";

let lakebase: LocalLakebaseFixture;

/** Runs `fn` with one short-lived pool per URL: a reset or delete disconnects a branch's clients. */
async function withPools<T>(urls: string[], fn: (...pools: pg.Pool[]) => Promise<T>): Promise<T> {
  const pools = urls.map((url) => new pg.Pool({ connectionString: url, max: 1 }));
  try {
    return await fn(...pools);
  } finally {
    for (const p of pools) await p.end();
  }
}
const rowDiff = (url: string, tables = ["kit.cases"]) =>
  withPools([lakebase.main.url, url], (parent, branch) => diffBranchRows({ parent, branch, tables }));

beforeAll(async () => {
  lakebase = await startLocalLakebaseFixture(`
    CREATE SCHEMA kit;
    CREATE TABLE kit.cases (id int PRIMARY KEY, status text NOT NULL, owner text, note text);
    INSERT INTO kit.cases SELECT g, 'open', 'team-' || (g % 3), NULL FROM generate_series(1, 500) g;
  `);
});

afterAll(async () => {
  await lakebase?.close();
});

describe("local branches", () => {
  it("creates a branch with its own URL, and the diff names inserted, updated (columns) and deleted rows", async () => {
    const branch = await lakebase.branches.create({ name: "review", ttlSeconds: 3600 });
    const url = describeConnection(branch);
    expect(url).not.toBe(lakebase.main.url);
    await lakebase.sql(
      url,
      `DELETE FROM kit.cases WHERE id IN (1, 2);
       UPDATE kit.cases SET status = 'closed' WHERE id BETWEEN 10 AND 14;
       UPDATE kit.cases SET status = 'closed', owner = 'alice' WHERE id = 20;
       INSERT INTO kit.cases VALUES (501, 'open', 'bob', 'new');`,
    );
    const [diff] = await rowDiff(url);
    expect(diff?.counts).toEqual({ inserted: 1, updated: 6, deleted: 2 });
    expect(diff?.inserted).toEqual([
      { key: [501], row: { id: 501, status: "open", owner: "bob", note: "new" } },
    ]);
    expect(diff?.deleted.map((d) => d.key)).toEqual([[1], [2]]);
    expect(diff?.updated.find((u) => u.key[0] === 20)?.columns).toEqual(["status", "owner"]);
    expect(diff?.updatedColumns).toEqual({ status: 6, owner: 1 });
    // main is untouched
    expect(await lakebase.sql(lakebase.main.url, "SELECT count(*)::int AS n FROM kit.cases")).toEqual([
      { n: 500 },
    ]);
  });

  it("reports a schema change and compares rows over the columns both sides have", async () => {
    const url = describeConnection(await lakebase.branches.get("review"));
    await lakebase.sql(url, "ALTER TABLE kit.cases ADD COLUMN priority int NOT NULL DEFAULT 3");
    const schema = await withPools([lakebase.main.url, url], (parent, branch) =>
      diffBranchSchema({ parent, branch, schemas: ["kit"] }),
    );
    expect(schema).toEqual([
      { kind: "column-added", table: "kit.cases", column: "priority", type: "integer" },
    ]);
    const [diff] = await rowDiff(url);
    expect(diff?.counts).toEqual({ inserted: 1, updated: 6, deleted: 2 });
    expect(diff?.uncomparedColumns).toEqual(["priority"]);
  });

  it("resets the branch to main, lists it, and deletes it", async () => {
    const reset = await lakebase.branches.reset("review");
    const [diff] = await rowDiff(describeConnection(reset));
    expect(diff?.counts).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect((await lakebase.branches.list()).map((b) => [b.name, b.parent])).toEqual([
      ["main", undefined],
      ["review", "main"],
    ]);
    await lakebase.branches.delete("review");
    expect((await lakebase.branches.list()).map((b) => b.name)).toEqual(["main"]);
  });

  it("names its errors: unknown branch, bad id, the root branch, a table without a key", async () => {
    await expect(lakebase.branches.get("nope")).rejects.toMatchObject({
      name: "BranchError",
      code: "NOT_FOUND",
    });
    await expect(lakebase.branches.create({ name: "x".repeat(64) })).rejects.toMatchObject({
      code: "INVALID_PARAMETER_VALUE",
    });
    await expect(lakebase.branches.delete("main")).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    await lakebase.sql(lakebase.main.url, "CREATE TABLE kit.nokey (a int)");
    await expect(rowDiff(lakebase.main.url, ["kit.nokey"])).rejects.toBeInstanceOf(BranchError);
  });
});
