import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MigrationFailedError } from "@appbase/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeConnection } from "../branch-port.ts";
import { type LocalLakebaseFixture, startLocalLakebaseFixture } from "../testing/local-lakebase-fixture.ts";
import { previewMigrations } from "./migration-preview.ts";

let lakebase: LocalLakebaseFixture;
const folders: string[] = [];

/** A drizzle-kit migrations folder holding `sqls` as migrations 0000, 0001, …. */
function migrationsFolder(sqls: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "appbase-migration-preview-"));
  folders.push(dir);
  mkdirSync(path.join(dir, "meta"));
  const entries = sqls.map((sql, idx) => {
    const tag = `000${idx}_step`;
    writeFileSync(path.join(dir, `${tag}.sql`), sql);
    return { idx, version: "7", when: 1_760_000_000_000 + idx, tag, breakpoints: true };
  });
  writeFileSync(
    path.join(dir, "meta", "_journal.json"),
    JSON.stringify({ version: "7", dialect: "postgresql", entries }),
  );
  return dir;
}

beforeAll(async () => {
  lakebase = await startLocalLakebaseFixture(`
    CREATE SCHEMA kit;
    CREATE TABLE kit.accounts (id int PRIMARY KEY, status text NOT NULL);
    INSERT INTO kit.accounts SELECT g, 'active' FROM generate_series(1, 200) g;
  `);
});

afterAll(async () => {
  await lakebase?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const mainColumns = () =>
  lakebase.sql<{ column_name: string }>(
    lakebase.main.url,
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'kit' AND table_name = 'accounts' ORDER BY 1",
  );

describe("previewMigrations", () => {
  it("applies the pending migration on a fresh branch, smokes that branch, reports schema and rows, and leaves main alone", async () => {
    const pending = migrationsFolder([
      `ALTER TABLE kit.accounts ADD COLUMN tier text;--> statement-breakpoint
       UPDATE kit.accounts SET status = 'dormant' WHERE id <= 30;--> statement-breakpoint
       DELETE FROM kit.accounts WHERE id > 195;--> statement-breakpoint
       CREATE TABLE kit.tiers (name text PRIMARY KEY);`,
    ]);
    const smokedOn: string[] = [];
    const report = await previewMigrations({
      port: lakebase.branches,
      name: "migrate-preview-ok",
      owners: [{ owner: "kit", migrationsFolder: pending }],
      diffTables: ["kit.accounts"],
      smoke: async (branch) => {
        // What a kit's smoke spec does through its server: read the migrated shape on the branch.
        const [row] = await lakebase.sql(
          describeConnection(branch),
          "SELECT count(tier) AS n FROM kit.accounts",
        );
        smokedOn.push(branch.name);
        return [{ kit: "kit", passed: row?.n === "0", details: [] }];
      },
    });

    expect(report.applied).toEqual([{ owner: "kit", applied: 1 }]);
    expect(smokedOn).toEqual(["migrate-preview-ok"]);
    expect(report.smoke).toEqual([{ kit: "kit", passed: true, details: [] }]);
    expect(report.schema).toEqual([
      { kind: "column-added", table: "kit.accounts", column: "tier", type: "text" },
      { kind: "table-added", table: "kit.tiers" },
    ]);
    const [accounts] = report.rows;
    expect(accounts?.counts).toEqual({ inserted: 0, updated: 30, deleted: 5 });
    expect(accounts?.updated[0]?.columns).toEqual(["status"]);
    expect(accounts?.uncomparedColumns).toEqual(["tier"]);
    expect(report.branch.parent).toBe("main");
    expect(report.branch.expireTime).toBeDefined();

    // Main: no new column, no journal entry, the same rows.
    expect((await mainColumns()).map((c) => c.column_name)).toEqual(["id", "status"]);
    const [counts] = await lakebase.sql(
      lakebase.main.url,
      "SELECT count(*) AS n, count(*) FILTER (WHERE status = 'active') AS active FROM kit.accounts",
    );
    expect(counts).toEqual({ n: "200", active: "200" });
    const journals = await lakebase.sql(
      lakebase.main.url,
      "SELECT 1 FROM information_schema.tables WHERE table_schema = 'appbase_migrations' AND table_name = 'kit'",
    );
    expect(journals).toEqual([]);
  });

  it("a migration that fails deletes the branch, names the migration, and leaves main alone", async () => {
    const broken = migrationsFolder(["ALTER TABLE kit.missing ADD COLUMN x int;"]);
    const failing = previewMigrations({
      port: lakebase.branches,
      name: "migrate-preview-bad",
      owners: [{ owner: "kit_bad", migrationsFolder: broken }],
      diffTables: ["kit.accounts"],
      smoke: async () => {
        throw new Error("smoke must not run after a failed migration");
      },
    });
    await expect(failing).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(failing).rejects.toThrow(/0000_step of kit_bad failed/);
    expect((await lakebase.branches.list()).map((b) => b.name)).not.toContain("migrate-preview-bad");
    expect((await mainColumns()).map((c) => c.column_name)).toEqual(["id", "status"]);
  });
});
