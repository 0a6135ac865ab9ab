import { datasets } from "@appbase/synthetic-data";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { servedSyncedTables } from "./index.ts";
import { syncedTablesOf } from "./synced-tables.ts";

describe("servedSyncedTables", () => {
  it("declares one synced table per served table, sourced from the gold table of the same name, keyed as generated", () => {
    expect(servedSyncedTables.map((t) => `${t.schema}.${t.table}`).sort()).toEqual(
      datasets.map((d) => `${d.domain}.${d.name}`).sort(),
    );
    for (const d of datasets) {
      const synced = servedSyncedTables.find((t) => t.schema === d.domain && t.table === d.name);
      expect(synced, d.name).toEqual({
        schema: d.domain,
        table: d.name,
        source: `${d.domain}.${d.name}`,
        primaryKey: [...d.primaryKey],
        schedulingPolicy: "TRIGGERED",
      });
    }
  });

  it("refuses a served table without a primary key, naming it", () => {
    const keyless = pgSchema("demo").table("keyless", { id: integer("id"), name: text("name") });
    expect(() => syncedTablesOf({ "demo.keyless": keyless })).toThrow(/demo\.keyless has no primary key/);
  });
});
