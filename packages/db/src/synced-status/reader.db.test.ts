import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { setSyncedTableStatus } from "../testing/synced-status.ts";
import { syncStatusDdl } from "./ddl.ts";
import { syncedStatusFromPostgres } from "./reader.ts";
import { isSyncBroken, SYNCED_TABLE_STATES } from "./states.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("syncedStatusFromPostgres", () => {
  it("says the status is unknown while the status table does not exist", async () => {
    const read = await syncedStatusFromPostgres(db.pool).read(["a.t"]);
    expect(read).toEqual({ known: false, reason: "appbase_meta.synced_table_status does not exist yet" });
  });

  it("answers each table asked for, in order, with null where nothing is recorded", async () => {
    await setSyncedTableStatus(db.pool, {
      tables: ["a.t"],
      minutesAgo: 30,
      state: "SYNCED_TABLE_OFFLINE_FAILED",
    });
    const read = await syncedStatusFromPostgres(db.pool).read(["b.t", "a.t"]);
    if (!read.known) throw new Error(read.reason);
    expect(read.tables.map((t) => [t.table, t.state])).toEqual([
      ["b.t", null],
      ["a.t", "SYNCED_TABLE_OFFLINE_FAILED"],
    ]);
    const minutes = (Date.now() - (read.tables[1]?.lastSyncTime?.getTime() ?? 0)) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThan(31);
  });

  it("reads a value the platform does not have as no state", async () => {
    await db.pool.query(
      "update appbase_meta.synced_table_status set detailed_state = 'ONLINE_NO_PENDING_UPDATE'",
    );
    const read = await syncedStatusFromPostgres(db.pool).read(["a.t"]);
    expect(read.known && read.tables[0]?.state).toBeNull();
  });

  it("has one idempotent DDL", async () => {
    for (const statement of syncStatusDdl()) await db.pool.query(statement);
    const { rows } = await db.pool.query("select count(*)::int as n from appbase_meta.synced_table_status");
    expect(rows[0]).toEqual({ n: 1 });
  });
});

describe("states", () => {
  it("counts offline and failed states as broken, the rest as not", () => {
    expect(SYNCED_TABLE_STATES.filter(isSyncBroken)).toEqual([
      "SYNCED_TABLE_ONLINE_PIPELINE_FAILED",
      "SYNCED_TABLE_OFFLINE",
      "SYNCED_TABLE_OFFLINE_FAILED",
    ]);
  });
});
