import { describe, expect, it } from "vitest";
import { datasets, getDataset } from "./registry.ts";
import { DEFAULT_EPOCH } from "./scale.ts";
import { columnViolation } from "./test-support.ts";

const epochMs = Date.parse(DEFAULT_EPOCH);

describe("dataset registry", () => {
  it("lists each table once with a primary key made of its columns", () => {
    const names = datasets.map((d) => `${d.domain}.${d.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const d of datasets) {
      const columnNames = d.columns.map((c) => c.name);
      expect(new Set(columnNames).size).toBe(columnNames.length);
      for (const key of d.primaryKey) expect(columnNames).toContain(key);
    }
  });

  it("orders tables so every dependency comes first", () => {
    datasets.forEach((d, i) => {
      for (const dep of d.dependsOn) {
        const at = datasets.findIndex((p) => p.domain === d.domain && p.name === dep);
        expect(at, `${d.name} depends on ${dep}`).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(i);
      }
    });
  });

  it("finds tables by qualified name and names the choices when it cannot", () => {
    expect(getDataset("risk.policies").name).toBe("policies");
    expect(() => getDataset("risk.nope")).toThrow(
      /unknown table "risk.nope"; expected one of customer.customers/,
    );
  });

  for (const scale of ["tiny", 1_500] as const) {
    it(`yields exactly defaultRows(${scale}) rows matching their columns, with unique keys, none after the epoch`, () => {
      for (const d of datasets) {
        const keys = new Set<string>();
        let count = 0;
        for (const row of d.rows({ seed: 9, scale })) {
          count++;
          expect(Object.keys(row).sort(), d.name).toEqual(d.columns.map((c) => c.name).sort());
          for (const column of d.columns) {
            const problem = columnViolation(column, row[column.name]);
            if (problem) throw new Error(`${d.name}.${column.name}: ${problem}`);
          }
          keys.add(d.primaryKey.map((k) => String(row[k])).join("|"));
          for (const column of d.columns) {
            const value = row[column.name];
            if ((column.type !== "timestamp" && column.type !== "date") || value === null) continue;
            // Due dates are the only values allowed after the data set's "now".
            if (`${d.name}.${column.name}` === "work_orders.due_at") continue;
            if (
              String(value).slice(0, 10) > DEFAULT_EPOCH.slice(0, 10) ||
              Date.parse(String(value)) > epochMs
            ) {
              throw new Error(`${d.name}.${column.name} = ${value} lies after the epoch ${DEFAULT_EPOCH}`);
            }
          }
        }
        expect(count, d.name).toBe(d.defaultRows(scale));
        expect(keys.size, `${d.name} primary key`).toBe(count);
      }
    });
  }
});
