import { describe, expect, it } from "vitest";
import { datasets, getDataset } from "./registry.ts";
import { columnViolation } from "./test-support.ts";

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
    it(`yields exactly defaultRows(${scale}) rows, each matching its columns, with unique keys`, () => {
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
        }
        expect(count, d.name).toBe(d.defaultRows(scale));
        expect(keys.size, `${d.name} primary key`).toBe(count);
      }
    });
  }
});
