import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { getDataset } from "../registry.ts";
import { serializeDataset } from "./chunks.ts";
import { writeDataset } from "./write-dataset.ts";
import { writeDatasets } from "./write-datasets.ts";

const dir = await mkdtemp(join(tmpdir(), "appbase-synth-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("writeDataset", () => {
  it("writes a file byte-identical to the serialized stream and reports monotonic progress", async () => {
    const table = getDataset("customer.interactions");
    const progress: Array<[number, number]> = [];
    const path = join(dir, "nested", "interactions.csv");
    const result = await writeDataset(table, {
      seed: 4,
      scale: 3_000,
      format: "csv",
      to: path,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const expected = [...serializeDataset(table, { seed: 4, scale: 3_000 }, "csv")]
      .map((c) => c.text)
      .join("");
    expect(await readFile(path, "utf8")).toBe(expected);
    expect(result.rows).toBe(table.defaultRows(3_000));
    expect(result.bytes).toBe(Buffer.byteLength(expected));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual([result.rows, result.rows]);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it("writes JSON Lines to a caller's stream, one parseable row per line, leaving it open", async () => {
    const table = getDataset("agents.tool_calls");
    const out = new PassThrough();
    let text = "";
    out.on("data", (b: Buffer) => {
      text += b.toString("utf8");
    });
    await writeDataset(table, { seed: 4, scale: "tiny", format: "jsonl", to: out });
    expect(out.writableEnded).toBe(false);
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(table.defaultRows("tiny"));
    expect(JSON.parse(lines[0]!)).toEqual([...table.rows({ seed: 4, scale: "tiny" })][0]);
  });

  it("writes every table into <dir>/<domain>/<table>.csv", async () => {
    const events = new Set<string>();
    const written = await writeDatasets({
      seed: 1,
      scale: "tiny",
      format: "csv",
      dir: join(dir, "all"),
      onProgress: (e) => events.add(e.table),
    });
    expect(written.map((w) => w.table)).toContain("operations.work_orders");
    expect(await readFile(join(dir, "all", "risk", "policies.csv"), "utf8")).toMatch(/^policy_id,title,/);
    expect(events.size).toBe(written.length);
  });
});
