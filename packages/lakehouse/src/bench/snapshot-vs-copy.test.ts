import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { benchSnapshotVsCopy } from "./snapshot-vs-copy.ts";

describe("benchSnapshotVsCopy", () => {
  it("syncs and copies the same rows and reports both rates", async () => {
    const pglite = await PGlite.create();
    try {
      const result = await benchSnapshotVsCopy({ rows: 2_000, pglite });
      expect(result.rows).toBe(2_000);
      expect(result.snapshotRowsPerSecond).toBeGreaterThan(0);
      expect(result.ratio).toBeCloseTo(result.snapshotRowsPerSecond / result.copyRowsPerSecond);
      const diff = await pglite.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM ((SELECT * FROM bench.customers_synced EXCEPT SELECT * FROM bench.customers_copy) UNION ALL (SELECT * FROM bench.customers_copy EXCEPT SELECT * FROM bench.customers_synced)) d",
      );
      expect(diff.rows[0]?.n).toBe(0);
      expect(
        (await pglite.query<{ n: number }>("SELECT count(*)::int AS n FROM bench.customers_synced")).rows[0]
          ?.n,
      ).toBe(2_000);
    } finally {
      await pglite.close();
    }
  });
});
