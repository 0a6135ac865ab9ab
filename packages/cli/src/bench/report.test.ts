import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { barChart, goalsOf, readBenchFiles, renderReport } from "./report.ts";

const governance = {
  benchmark: "governance-writer-vs-floor",
  target: "local Lakebase",
  sequential: {
    concurrency: 1,
    floor: { p50Ms: 20, p99Ms: 40, meanMs: 22, operations: 10, concurrency: 1, throughputPerSec: 45 },
    writer: { p50Ms: 28, p99Ms: 70, meanMs: 30, operations: 10, concurrency: 1, throughputPerSec: 33 },
    ratio: { p50: 1.4, p99: 1.75 },
  },
  goals: [
    { name: "sequential p50 ≤ 1.5× floor", met: true, value: 1.4, limit: "1.5" },
    { name: "sequential p99 ≤ 1.5× floor", met: false, value: 1.75, limit: "1.5" },
  ],
  load: { before: 3.2, after: 5.9, cores: 2 },
  at: "2026-12-06T21:00:00.000Z",
  node: "v20.20.2",
};

const pointRead = {
  benchmark: "point-read",
  runs: [
    {
      concurrency: 32,
      raw: { p50Ms: 10, p99Ms: 30 },
      dataLayer: { p50Ms: 11, p99Ms: 31 },
      ratio: { p50: 1.1 },
    },
  ],
};

describe("renderReport", () => {
  it("renders goals, latency and rate charts, ratios and the load each benchmark ran under", () => {
    const html = renderReport(
      [
        { name: "governance-writer", data: governance },
        { name: "point-read", data: pointRead },
      ],
      new Date("2026-12-06T22:00:00Z"),
    );
    expect(html).toMatch(/^<!doctype html>/);
    // Summary: one row per goal, met and missed told apart.
    expect(html).toContain("sequential p50 ≤ 1.5× floor</td><td>1.4</td>");
    expect(html).toContain('<span class="met">met</span>');
    expect(html).toContain('<span class="missed">missed</span>');
    // Each measured side is a pair of bars beside its baseline, labelled by its path.
    expect(html).toContain(">sequential.floor p50</text>");
    expect(html).toContain(">sequential.writer p99</text>");
    expect(html).toContain(">70 ms</text>");
    expect(html).toContain(">sequential.writer.throughputPerSec</text>");
    // Array items are named by what they are, not their index.
    expect(html).toContain(">runs[c=32].dataLayer p50</text>");
    expect(html).toContain("<td>runs[c=32].ratio.p50</td><td>1.1</td>");
    expect(html).toContain("load average 3.2 → 5.9 on 2 cores");
    expect(html).toContain("target: local Lakebase");
    expect(html.match(/<svg /g)).toHaveLength(3);
  });

  it("is self-contained and escapes what the results say", () => {
    const html = renderReport([
      { name: "odd", data: { target: "<script>alert(1)</script>", x: { p50Ms: 1, p99Ms: 2 } } },
    ]);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // No CDN, no external resource of any kind.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("shows a result without charts as its JSON, and an empty folder as an empty report", () => {
    const html = renderReport([{ name: "plain", data: { seconds: 3 } }]);
    expect(html).not.toContain("<svg");
    expect(html).toContain("&quot;seconds&quot;: 3");
    expect(renderReport([])).toContain("from 0 result file(s)");
  });
});

describe("goalsOf and barChart", () => {
  it("reads goals wherever a result states them, and ignores malformed ones", () => {
    expect(
      goalsOf({ kits: [{ goals: [{ name: "0 errors", met: true, value: 0 }, { name: "x" }] }] }),
    ).toEqual([{ name: "0 errors", met: true, value: 0 }]);
  });

  it("scales bars to the largest value", () => {
    const svg = barChart(
      "t",
      [
        { label: "a", value: 10 },
        { label: "b", value: 5 },
      ],
      "ms",
    );
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(widths[1]! * 2, 0);
    expect(barChart("empty", [], "ms")).toBe("");
  });
});

describe("readBenchFiles", () => {
  it("reads every JSON result of a folder, skipping files that are not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
    try {
      writeFileSync(join(dir, "b.json"), JSON.stringify({ v: 2 }));
      writeFileSync(join(dir, "a.json"), JSON.stringify({ v: 1 }));
      writeFileSync(join(dir, "broken.json"), "{");
      writeFileSync(join(dir, "report.html"), "<html>");
      expect(readBenchFiles(dir)).toEqual([
        { name: "a", data: { v: 1 } },
        { name: "b", data: { v: 2 } },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
