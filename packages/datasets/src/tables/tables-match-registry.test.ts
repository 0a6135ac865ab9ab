import { datasets } from "@appbase/synthetic-data";
import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { servedTables } from "./index.ts";
import { sqlTypeOf } from "./sql-types.ts";

describe("served tables match the synthetic-data registry exactly", () => {
  it("declares one table per generated table and nothing else", () => {
    expect(Object.keys(servedTables).sort()).toEqual(datasets.map((d) => `${d.domain}.${d.name}`).sort());
  });

  for (const dataset of datasets) {
    it(`${dataset.domain}.${dataset.name}: same columns, order, types, nullability and primary key`, () => {
      const config = getTableConfig(servedTables[`${dataset.domain}.${dataset.name}`]!);
      expect(config.schema).toBe(dataset.domain);
      expect(config.name).toBe(dataset.name);
      const declared = config.columns.map((c) => ({
        name: c.name,
        type: c.getSQLType(),
        nullable: !c.notNull,
      }));
      const generated = dataset.columns.map((c) => ({
        name: c.name,
        type: sqlTypeOf[c.type],
        nullable: c.nullable,
      }));
      expect(declared).toEqual(generated);
      const primaryKey =
        config.primaryKeys[0]?.columns.map((c) => c.name) ??
        config.columns.filter((c) => c.primary).map((c) => c.name);
      expect(primaryKey).toEqual([...dataset.primaryKey]);
    });
  }
});
