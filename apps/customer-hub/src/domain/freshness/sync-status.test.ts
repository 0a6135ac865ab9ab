import { syncedStatusFromPostgres } from "@appbase/db/synced-status";
import { setSyncedTableStatus } from "@appbase/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { readSyncHealth } from "./sync-status.ts";
import { SYNCED_TABLES } from "./targets.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const health = () => readSyncHealth(syncedStatusFromPostgres(db.pool));
const setSync = (
  minutesAgo: number,
  state?: "SYNCED_TABLE_OFFLINE_FAILED" | "SYNCED_TABLE_ONLINE_PIPELINE_FAILED",
) => setSyncedTableStatus(db.pool, { tables: SYNCED_TABLES, minutesAgo, ...(state ? { state } : {}) });

describe("readSyncHealth", () => {
  it("is ok when every table synced within its target", async () => {
    await setSync(5);
    expect((await health()).level).toBe("ok");
  });
  it("is behind when a sync is past its target but within its limit", async () => {
    await setSync(180);
    const sync = await health();
    expect(sync.level).toBe("behind");
    expect(sync.tables[0]).toMatchObject({ table: "customer.customers", freshness: { state: "stale" } });
  });
  it("falls back when the sync is past its limit or failed", async () => {
    await setSync(60 * 30);
    expect((await health()).level).toBe("fallback");
    await setSync(5, "SYNCED_TABLE_OFFLINE_FAILED");
    expect((await health()).tables[0]).toMatchObject({ state: "SYNCED_TABLE_OFFLINE_FAILED", broken: true });
    // A pipeline that failed after the initial snapshot keeps serving the last rows: still a fallback.
    await setSync(5, "SYNCED_TABLE_ONLINE_PIPELINE_FAILED");
    const failed = await health();
    expect(failed.level).toBe("fallback");
    expect(failed.tables[0]?.state).toBe("SYNCED_TABLE_ONLINE_PIPELINE_FAILED");
  });
  it("treats a missing status table as unknown, not as an error", async () => {
    await db.pool.query("drop table appbase_meta.synced_table_status");
    const sync = await health();
    expect(sync.level).toBe("fallback");
    expect(sync.unknownReason).toMatch(/unknown/);
  });
});
