import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { servedTables } from "@appbase/datasets";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { checkSchemaDrift } from "@appbase/lakehouse/schema-diff";
import { datasets } from "@appbase/synthetic-data";
import { afterAll, describe, expect, it } from "vitest";
import { GOLD_CATALOG, landGoldTables } from "./land-gold.ts";

const stateDir = mkdtempSync(join(tmpdir(), "appbase-gold-"));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe("landGoldTables", () => {
  it("lands every synthetic table as a gold table with the served table's shape, replacing earlier data", async () => {
    const lakehouse = await openLocalLakehouse({ directory: join(stateDir, "lakehouse") });
    try {
      const options = { lakehouse, seed: 42, scale: "tiny" as const, epoch: "2026-11-01T00:00:00.000Z" };
      await landGoldTables(options);
      const progress: Array<{ allDone: number; allTotal: number }> = [];
      const second = await landGoldTables({ ...options, onProgress: (p) => progress.push(p) });
      // Progress runs over the whole landing (one bar), ending at every row of every table.
      expect(progress.at(-1)).toEqual({ ...progress.at(-1), allDone: second.rows, allTotal: second.rows });
      expect(progress.every((p, i) => i === 0 || p.allDone > progress[i - 1]!.allDone)).toBe(true);
      expect(second.tables).toBe(datasets.length);
      for (const d of datasets)
        expect(second.perTable.get(`${d.domain}.${d.name}`)).toBe(d.defaultRows("tiny"));

      for (const d of datasets) {
        const rows = await lakehouse.read(`${GOLD_CATALOG}.${d.domain}.${d.name}`);
        expect(rows.length, d.name).toBe(d.defaultRows("tiny"));
      }
      const targets = Object.entries(servedTables).map(([name, table]) => ({
        table,
        lakehouse: `${GOLD_CATALOG}.${name}`,
      }));
      const report = await checkSchemaDrift(targets, { lakehouse });
      expect(report.checked.lakehouse).toBe(targets.length);
      expect(report.items).toEqual([]);
    } finally {
      await lakehouse.close();
    }
  });
});
