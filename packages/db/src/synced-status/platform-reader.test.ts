import { getSyncedTable } from "@appbase/databricks";
import {
  clientFor,
  type FakeWorkspace,
  startFakeWorkspace,
  syncedTableRoutes,
  unavailable,
} from "@appbase/databricks/testing";
import { afterEach, describe, expect, it } from "vitest";
import { classifyFreshness } from "./freshness.ts";
import { syncedStatusFromPlatform } from "./platform-reader.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function platform(statuses: Parameters<typeof syncedTableRoutes>[0]) {
  const synced = syncedTableRoutes(statuses);
  fake = await startFakeWorkspace({ routes: synced.routes });
  const { client } = clientFor(fake);
  let clock = Date.parse("2026-12-06T12:00:00Z");
  const source = syncedStatusFromPlatform({
    getSyncedTable: (name) => getSyncedTable(client, name),
    catalog: "customer_hub_dev",
    ttlMs: 30_000,
    now: () => clock,
  });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { synced, source, fake, advance };
}

describe("synced-table status from the platform", () => {
  it("reads detailed_state and last_sync_time of {catalog}.{schema}.{table}, in the order asked", async () => {
    const { source } = await platform({
      "customer_hub_dev.customer.customers": {
        detailed_state: "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE",
        last_sync_time: "2026-12-06T11:50:00Z",
        last_processed_commit_version: 12,
      },
      "customer_hub_dev.customer.interactions": {
        detailed_state: "SYNCED_TABLE_ONLINE_PIPELINE_FAILED",
        message: "pipeline failed: source table dropped",
      },
    });
    const read = await source.read(["customer.interactions", "customer.customers", "customer.nope"]);
    if (!read.known) throw new Error(read.reason);
    expect(read.tables.map((t) => [t.table, t.state, t.lastSyncTime?.toISOString() ?? null])).toEqual([
      ["customer.interactions", "SYNCED_TABLE_ONLINE_PIPELINE_FAILED", null],
      ["customer.customers", "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE", "2026-12-06T11:50:00.000Z"],
      ["customer.nope", null, null],
    ]);
    expect(read.tables[0]?.message).toBe("pipeline failed: source table dropped");
    expect(read.tables[2]?.message).toMatch(/404 NOT_FOUND/);
    // The same classification a kit applies locally.
    const customers = read.tables[1];
    expect(
      classifyFreshness(customers?.lastSyncTime ?? null, new Date("2026-12-06T12:00:00Z"), {
        target: 15 * 60_000,
        limit: 60 * 60_000,
      }),
    ).toEqual({ state: "fresh", ageMs: 10 * 60_000 });
  });

  it("asks the platform once per table within the cache time, and again after it", async () => {
    const { source, synced, fake, advance } = await platform({
      "customer_hub_dev.customer.customers": { detailed_state: "SYNCED_TABLE_ONLINE" },
    });
    await source.read(["customer.customers"]);
    await source.read(["customer.customers"]);
    expect(fake.calls("postgres.get-synced-table")).toBe(1);
    synced.set("customer_hub_dev.customer.customers", { detailed_state: "SYNCED_TABLE_OFFLINE_FAILED" });
    advance(31_000);
    const read = await source.read(["customer.customers"]);
    expect(read.known && read.tables[0]?.state).toBe("SYNCED_TABLE_OFFLINE_FAILED");
    expect(fake.calls("postgres.get-synced-table")).toBe(2);
  });

  it("says the status is unknown when the platform does not answer, and does not cache that", async () => {
    const { source, fake } = await platform({
      "customer_hub_dev.customer.customers": { detailed_state: "SYNCED_TABLE_ONLINE" },
    });
    // Refused on every one of the client's tries.
    fake.inject("postgres.get-synced-table", unavailable(), unavailable(), unavailable(), unavailable());
    const failed = await source.read(["customer.customers"]);
    expect(failed).toMatchObject({
      known: false,
      reason: expect.stringMatching(/platform did not answer.*503/),
    });
    const read = await source.read(["customer.customers"]);
    expect(read.known && read.tables[0]?.state).toBe("SYNCED_TABLE_ONLINE");
  });
});
