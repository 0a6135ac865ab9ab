import { startFakeWorkspace, syncedTableRoutes } from "@appbase/databricks/testing";
import { describe, expect, it } from "vitest";
import { createSyncedStatusSource } from "./synced-status-source.ts";

// A pool that answers the local status table with one row, and counts what it was asked.
function localPool() {
  const asked: string[] = [];
  return {
    asked,
    query: async <R extends Record<string, unknown>>(sql: string) => {
      asked.push(sql);
      return {
        rows: [
          {
            target_table: "customer.customers",
            detailed_state: "SYNCED_TABLE_ONLINE",
            last_sync_time: null,
            message: null,
          },
        ] as unknown as R[],
      };
    },
  };
}

describe("the kit's synced-status source", () => {
  it("on Databricks Apps reads the platform's status of the kit's catalog, not the local table", async () => {
    const synced = syncedTableRoutes({
      "customer_hub_dev.customer.customers": { detailed_state: "SYNCED_TABLE_OFFLINE_FAILED" },
    });
    const fake = await startFakeWorkspace({ routes: synced.routes });
    try {
      const source = createSyncedStatusSource("customer-hub", () => ({
        mode: "apps",
        LAKEBASE_ENDPOINT: "projects/customer-hub-dev/branches/production/endpoints/primary",
        DATABRICKS_HOST: fake.host,
        DATABRICKS_CLIENT_ID: fake.clientId,
        DATABRICKS_CLIENT_SECRET: fake.clientSecret,
      }));
      const pool = localPool();
      const read = await source(pool).read(["customer.customers"]);
      expect(read.known && read.tables[0]?.state).toBe("SYNCED_TABLE_OFFLINE_FAILED");
      expect(pool.asked).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it("locally, and on an endpoint that is not the kit's project, reads the local status table", async () => {
    for (const env of [
      { mode: "local" },
      { mode: "apps", LAKEBASE_ENDPOINT: "projects/local/branches/main/endpoints/primary" },
    ]) {
      const pool = localPool();
      const read = await createSyncedStatusSource(
        "customer-hub",
        () => env,
      )(pool).read(["customer.customers"]);
      expect(read.known && read.tables[0]?.state).toBe("SYNCED_TABLE_ONLINE");
      expect(pool.asked).toHaveLength(1);
    }
  });
});
