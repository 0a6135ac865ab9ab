import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetsMigrations, servedSyncedTables } from "@appbase/datasets";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import type { Lakehouse } from "@appbase/lakehouse";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { datasets } from "@appbase/synthetic-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOLD_CATALOG, landGoldTables } from "./land-gold.ts";
import { syncServedTables } from "./sync-served.ts";

let db: TestDatabase;
let lakehouse: Lakehouse;
const dir = mkdtempSync(join(tmpdir(), "appbase-sync-served-"));

beforeAll(async () => {
  db = await createTestDatabase({ migrations: [datasetsMigrations] });
  lakehouse = await openLocalLakehouse({ directory: dir });
  await landGoldTables({ lakehouse, seed: 3, scale: "tiny", epoch: "2026-11-01T00:00:00.000Z" });
});
afterAll(async () => {
  await lakehouse?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (table: string) =>
  Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe("served tables through the Synced Tables engine", () => {
  it("a first run snapshots every served table from gold into the migration-created tables, with status", async () => {
    const results = await syncServedTables({ lakehouse, pool: db.pool, mode: "snapshot" });
    expect(results.map((r) => r.name).sort()).toEqual(
      servedSyncedTables.map((t) => `${t.schema}.${t.table}`).sort(),
    );
    for (const d of datasets)
      expect(await count(`${d.domain}.${d.name}`), d.name).toBe(d.defaultRows("tiny"));
    const { rows } = await db.pool.query(
      "SELECT target_table, source_table, detailed_state FROM appbase_meta.synced_table_status ORDER BY 1",
    );
    expect(rows).toHaveLength(datasets.length);
    for (const row of rows) {
      expect(row.source_table).toBe(`${GOLD_CATALOG}.${row.target_table}`);
      expect(row.detailed_state).toBe("SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE");
    }
    // JSON kept as STRING in gold lands as jsonb, equal to what the generator made.
    const generated = datasets.find((d) => d.name === "tool_calls")!;
    const first = generated
      .rows({ seed: 3, scale: "tiny", epoch: "2026-11-01T00:00:00.000Z" })
      [Symbol.iterator]()
      .next().value!;
    const live = await db.pool.query("SELECT args FROM agents.tool_calls WHERE tool_call_id = $1", [
      first.tool_call_id,
    ]);
    expect(live.rows[0].args).toEqual(first.args);
  });

  it("after gold changes, a run converges Postgres from the change feed (TRIGGERED) and leaves the rest alone", async () => {
    const gold = `${GOLD_CATALOG}.customer.customers`;
    const [victim, renamed] = await lakehouse.read(gold, { orderBy: ["customer_id"], limit: 2 });
    await lakehouse.merge(gold, [{ ...renamed!, full_name: "Renamed In Gold" }]);
    await lakehouse.delete(gold, { column: "customer_id", op: "=", value: victim!.customer_id as string });
    const before = await count("customer.customers");

    const [run] = await syncServedTables({ lakehouse, pool: db.pool, only: "customer.customers" });
    expect(run).toMatchObject({ mode: "incremental", keysDeleted: 2, rowsWritten: 1 });
    expect(await count("customer.customers")).toBe(before - 1);
    const { rows } = await db.pool.query(
      "SELECT customer_id, full_name FROM customer.customers WHERE customer_id = ANY($1) ORDER BY 1",
      [[victim!.customer_id, renamed!.customer_id]],
    );
    expect(rows).toEqual([{ customer_id: renamed!.customer_id, full_name: "Renamed In Gold" }]);

    const again = await syncServedTables({ lakehouse, pool: db.pool });
    expect(again.every((r) => r.mode === "up-to-date")).toBe(true);
  });

  it("a failing source is recorded in the status table and reported with the table's name", async () => {
    await lakehouse.dropTable(`${GOLD_CATALOG}.risk.policies`);
    await expect(syncServedTables({ lakehouse, pool: db.pool, only: "risk.policies" })).rejects.toThrow(
      /Source table appbase\.risk\.policies of synced table risk\.policies does not exist/,
    );
    const { rows } = await db.pool.query(
      "SELECT detailed_state FROM appbase_meta.synced_table_status WHERE target_table = 'risk.policies'",
    );
    expect(rows[0].detailed_state).toBe("SYNCED_TABLE_ONLINE_PIPELINE_FAILED");
    expect(await count("risk.policies")).toBe(
      datasets.find((d) => d.name === "policies")!.defaultRows("tiny"),
    );
  });
});
