import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { SharedDuckDbFile } from "./duckdb-file.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "duckdb-file-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const touch = async (file: SharedDuckDbFile) => {
  await file.run(async (conn) => conn.run("SELECT 1"));
  return file.generation;
};

it("releases the file after an idle gap, and keeps it open across gaps while held", async () => {
  const file = SharedDuckDbFile.acquire(path.join(dir, "a.duckdb"), { idleReleaseMs: 20 });
  try {
    const first = await touch(file);
    await pause(120);
    // Released while idle: the next operation opened it again.
    const reopened = await touch(file);
    expect(reopened).toBe(first + 1);
    const held = await file.hold(async () => {
      const generations = [await touch(file)];
      await pause(120);
      generations.push(await touch(file));
      return generations;
    });
    expect(held).toEqual([reopened, reopened]);
    // Released as usual once the hold ends.
    await pause(120);
    expect(await touch(file)).toBe(reopened + 1);
  } finally {
    await file.release();
  }
});
