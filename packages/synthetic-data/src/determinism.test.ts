import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { datasets } from "./registry.ts";
import { serializeDataset } from "./serialize/chunks.ts";
import type { DatasetTable, Scale } from "./types.ts";

function digest(table: DatasetTable, seed: number, scale: Scale, format: "csv" | "jsonl" = "csv"): string {
  const hash = createHash("sha256");
  for (const chunk of serializeDataset(table, { seed, scale }, format)) hash.update(chunk.text);
  return hash.digest("hex");
}

/** Catalog tables are the same fixed roster whatever the seed (only row content of data tables varies). */
const seedIndependent = new Set(["tools", "agent_definitions"]);

describe("determinism: same seed, same bytes", () => {
  it("produces identical CSV and JSONL for the same seed at the default scale", () => {
    for (const d of datasets) {
      expect(digest(d, 42, "default"), d.name).toBe(digest(d, 42, "default"));
    }
    expect(digest(datasets[0]!, 42, "default", "jsonl")).toBe(digest(datasets[0]!, 42, "default", "jsonl"));
  });

  it("produces different bytes for a different seed", () => {
    for (const d of datasets) {
      if (seedIndependent.has(d.name)) continue;
      expect(digest(d, 1, "tiny"), d.name).not.toBe(digest(d, 2, "tiny"));
    }
  });

  it("generates a row the same way wherever generation starts (children recompute parents)", () => {
    const interactions = datasets.find((d) => d.name === "interactions")!;
    const small = [...interactions.rows({ seed: 5, scale: 50 })];
    const larger = [...interactions.rows({ seed: 5, scale: 80 })];
    // A bigger scale appends customers; the first 50 customers' interactions are unchanged.
    expect(larger.slice(0, small.length)).toEqual(small);
  });
});
