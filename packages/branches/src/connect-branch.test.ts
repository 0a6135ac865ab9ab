import { createPool } from "@appbase/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeConnection } from "./branch-port.ts";
import { branchEnv } from "./connect-branch.ts";
import { type LocalLakebaseFixture, startLocalLakebaseFixture } from "./testing/local-lakebase-fixture.ts";

let lakebase: LocalLakebaseFixture;
beforeAll(async () => {
  lakebase = await startLocalLakebaseFixture(`
    CREATE SCHEMA kit;
    CREATE TABLE kit.items (id int PRIMARY KEY, label text NOT NULL);
    INSERT INTO kit.items VALUES (1, 'on main');
  `);
});
afterAll(async () => {
  await lakebase?.close();
});

describe("branchEnv (what `appbase preview` starts a kit with)", () => {
  it("points the kit's own pool at the branch, not main, and names the branch for its badge", async () => {
    const branch = await lakebase.branches.create({ name: "preview-env" });
    await lakebase.sql(describeConnection(branch), "INSERT INTO kit.items VALUES (2, 'only on the branch')");
    // The kit process inherits the shell's environment (here: main's URL) with the branch's on top.
    const env = { DATABASE_URL: lakebase.main.url, APPBASE_BRANCH: "main", ...branchEnv(branch) };
    expect(env.APPBASE_BRANCH).toBe("preview-env");
    const db = await createPool({ env, max: 1 });
    try {
      const { rows } = await db.pool.query("SELECT label FROM kit.items ORDER BY id");
      expect(rows.map((r) => r.label)).toEqual(["on main", "only on the branch"]);
    } finally {
      await db.close();
    }
    const main = await lakebase.sql(lakebase.main.url, "SELECT count(*)::int AS n FROM kit.items");
    expect(main).toEqual([{ n: 1 }]);
  });
});
