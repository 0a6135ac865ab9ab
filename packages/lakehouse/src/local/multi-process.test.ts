import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openLocalLakehouse } from "./local-lakehouse.ts";

const CHILD = fileURLToPath(new URL("./testing/lakehouse-child.ts", import.meta.url));
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lakehouse-multi-"));
});
afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  children.length = 0;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the child script in its own Node process (tsx loads the TypeScript). */
function child(...args: string[]) {
  const proc = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  let out = "";
  let err = "";
  proc.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(word) && resolve();
      proc.stdout.on("data", check);
      proc.once("exit", (code) => reject(new Error(`child exited (${code}) before "${word}": ${err}`)));
      check();
    });
  const exited = new Promise<number>((resolve) => proc.once("exit", (code) => resolve(code ?? -1)));
  return { said, exited, stderr: () => err };
}

async function createEvents() {
  const lake = await openLocalLakehouse({ directory: dir });
  await lake.ensureSchema("main.shared");
  await lake.createTable("main.shared.events", {
    columns: [
      { name: "writer", type: "STRING" },
      { name: "n", type: "INT" },
    ],
  });
  return lake;
}

describe("one lakehouse folder, several processes", () => {
  it("two processes append to the same table at once; every commit lands once, versions never collide", async () => {
    const lake = await createEvents();
    const other = child("write", dir, "child", "15");
    for (let n = 0; n < 15; n++) await lake.append("main.shared.events", [{ writer: "parent", n }]);
    expect(await other.exited, other.stderr()).toBe(0);

    const rows = await lake.read("main.shared.events", { orderBy: ["writer", "n"] });
    const range = Array.from({ length: 15 }, (_, n) => n);
    expect(rows.filter((r) => r.writer === "child").map((r) => r.n)).toEqual(range);
    expect(rows.filter((r) => r.writer === "parent").map((r) => r.n)).toEqual(range);
    const versions = (await lake.history("main.shared.events")).map((h) => h.version);
    expect(versions).toEqual(Array.from({ length: 31 }, (_, i) => 30 - i));
    await lake.close();
  }, 60_000);

  it("an operation waits for another process's lock and runs once it is released", async () => {
    const lake = await createEvents();
    // Close it here, so the other process can take the file.
    await lake.close();
    const holder = child("hold", dir, "1500");
    await holder.said("locked");
    const started = Date.now();
    const again = await openLocalLakehouse({ directory: dir, lockTimeoutMs: 20_000 });
    await again.append("main.shared.events", [{ writer: "after", n: 1 }]);
    expect(Date.now() - started).toBeGreaterThan(500);
    expect(await holder.exited).toBe(0);
    expect(await again.read("main.shared.events")).toEqual([{ writer: "after", n: 1 }]);
    await again.close();
  }, 60_000);

  it("gives up after lockTimeoutMs with an error saying the file is locked by another process", async () => {
    await (await createEvents()).close();
    const holder = child("hold", dir, "20000");
    await holder.said("locked");
    await expect(openLocalLakehouse({ directory: dir, lockTimeoutMs: 300 })).rejects.toMatchObject({
      code: "LAKEHOUSE_BUSY",
      message: expect.stringMatching(/stayed locked by another process/),
    });
  }, 60_000);

  it("two adapters in one process share the file instead of opening it twice", async () => {
    const a = await createEvents();
    const b = await openLocalLakehouse({ directory: dir });
    await Promise.all([
      a.append("main.shared.events", [{ writer: "a", n: 1 }]),
      b.append("main.shared.events", [{ writer: "b", n: 1 }]),
    ]);
    await a.close();
    expect((await b.read("main.shared.events", { orderBy: ["writer"] })).map((r) => r.writer)).toEqual([
      "a",
      "b",
    ]);
    await b.close();
  });
});
