import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { SyncedTablesEngine } from "./engine.ts";
import { pgliteSyncPostgres } from "./sync-postgres.ts";

// The local platform process owns PGlite and runs the engine next to it, without a socket.
let pglite: PGlite;
let lake: Lakehouse;
let dir: string;

beforeAll(async () => {
  pglite = await PGlite.create();
  dir = mkdtempSync(path.join(tmpdir(), "lakehouse-pglite-target-"));
  lake = await openLocalLakehouse({ directory: dir });
  await lake.ensureSchema("main.gold");
  await lake.createTable("main.gold.assets", {
    columns: [
      { name: "asset_id", type: "STRING", nullable: false },
      { name: "health", type: "DOUBLE" },
      { name: "installed_on", type: "DATE" },
    ],
    primaryKey: ["asset_id"],
  });
});

afterAll(async () => {
  await lake.close();
  await pglite.close();
  rmSync(dir, { recursive: true, force: true });
});

const served = async () =>
  (
    await pglite.query<{ asset_id: string; health: number; d: string }>(
      "SELECT asset_id, health, installed_on::text AS d FROM ops.assets ORDER BY asset_id",
    )
  ).rows;

describe("Synced Tables engine on an in-process PGlite", () => {
  it("snapshots, then applies triggered changes, inside PGlite transactions", async () => {
    await lake.append("main.gold.assets", [
      { asset_id: "a1", health: 0.9, installed_on: "2020-01-01" },
      { asset_id: "a2", health: 0.4, installed_on: "2021-06-30" },
    ]);
    const engine = new SyncedTablesEngine({
      lakehouse: lake,
      postgres: pgliteSyncPostgres(pglite),
      tables: [
        {
          schema: "ops",
          table: "assets",
          source: "gold.assets",
          primaryKey: ["asset_id"],
          schedulingPolicy: "TRIGGERED",
        },
      ],
    });
    expect((await engine.run("ops.assets")).mode).toBe("snapshot");
    expect(await served()).toEqual([
      { asset_id: "a1", health: 0.9, d: "2020-01-01" },
      { asset_id: "a2", health: 0.4, d: "2021-06-30" },
    ]);
    await lake.merge("main.gold.assets", [{ asset_id: "a2", health: 0.5, installed_on: "2021-06-30" }]);
    await lake.delete("main.gold.assets", { column: "asset_id", op: "=", value: "a1" });
    expect(await engine.run("ops.assets")).toMatchObject({
      mode: "incremental",
      fromVersion: 2,
      toVersion: 3,
    });
    expect(await served()).toEqual([{ asset_id: "a2", health: 0.5, d: "2021-06-30" }]);
    expect((await engine.status("ops.assets"))[0]?.last_processed_commit_version).toBe(3);
  });
});
