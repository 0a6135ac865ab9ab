import { createHash } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { getDataset } from "./registry.ts";
import { serializeDataset } from "./serialize/chunks.ts";

// Expose a collector so heap samples measure live data, not garbage waiting to be swept.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe("streaming", () => {
  it("serializes over a million rows with a flat heap", () => {
    const table = getDataset("customer.customer_features");
    const scale = 170_000; // 6 features per customer: 1,020,000 rows
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let rows = 0;
    let bytes = 0;
    const hash = createHash("sha256");
    for (const chunk of serializeDataset(table, { seed: 1, scale }, "csv")) {
      hash.update(chunk.text);
      bytes += chunk.text.length;
      if (chunk.rowsDone - rows > 0 && Math.floor(chunk.rowsDone / 200_000) !== Math.floor(rows / 200_000)) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
      rows = chunk.rowsDone;
    }
    expect(rows).toBe(1_020_000);
    // The CSV is ~55 MB and the row objects several times that; a streaming writer holds neither.
    expect(bytes).toBeGreaterThan(40_000_000);
    expect(peak).toBeLessThan(24 * 1024 * 1024);
    expect(hash.digest("hex")).toHaveLength(64);
  });
});
