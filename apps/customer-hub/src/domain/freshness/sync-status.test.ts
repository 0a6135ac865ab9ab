import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { readSyncHealth } from "./sync-status.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

// The Synced Tables engine writes the platform's detailed_state values into this one status table.
const setSync = async (minutesAgo: number, state = "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE") => {
  await db.pool.query("delete from appbase_meta.synced_table_status");
  for (const table of ["customer.customers", "customer.customer_features", "customer.interactions"]) {
    await db.pool.query(
      "insert into appbase_meta.synced_table_status values ($1, $2, $3, now() - make_interval(mins => $4), 1)",
      [table, `appbase.${table}`, state, minutesAgo],
    );
  }
};

describe("readSyncHealth", () => {
  it("is ok when every table synced within its target", async () => {
    await setSync(5);
    expect((await readSyncHealth(db.pool)).level).toBe("ok");
  });
  it("is behind when a sync is past its target but within its limit", async () => {
    await setSync(180);
    const health = await readSyncHealth(db.pool);
    expect(health.level).toBe("behind");
    expect(health.reasons[0]).toMatch(/customer\.customers: last synced/);
  });
  it("falls back when the sync is past its limit or failed", async () => {
    await setSync(60 * 30);
    expect((await readSyncHealth(db.pool)).level).toBe("fallback");
    await setSync(5, "SYNCED_TABLE_OFFLINE_FAILED");
    expect((await readSyncHealth(db.pool)).reasons[0]).toMatch(/OFFLINE_FAILED/);
    // A pipeline that failed after the initial snapshot keeps serving the last rows: still a fallback.
    await setSync(5, "SYNCED_TABLE_ONLINE_PIPELINE_FAILED");
    const failed = await readSyncHealth(db.pool);
    expect(failed.level).toBe("fallback");
    expect(failed.reasons[0]).toMatch(/ONLINE_PIPELINE_FAILED/);
  });
  it("treats a missing status table as unknown, not as an error", async () => {
    await db.pool.query("drop table appbase_meta.synced_table_status");
    const health = await readSyncHealth(db.pool);
    expect(health.level).toBe("fallback");
    expect(health.reasons[0]).toMatch(/unknown/);
  });
});
