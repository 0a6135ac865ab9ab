import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./free-port.ts";
import { lakebaseStatus, lakebaseUrl } from "./lakebase-status.ts";
import { startLakebaseProcess, stopLakebaseProcess } from "./managed-process.ts";
import { serveLocalLakebase } from "./serve.ts";
import { lakebasePaths } from "./state-dir.ts";

let stateDir: string;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "appbase-state-"));
});

afterAll(async () => {
  await stopLakebaseProcess({ stateDir });
  await rm(stateDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("managed local Lakebase process", () => {
  it("starts, reuses, stops with SIGTERM and restarts on the same data", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const started = await startLakebaseProcess({ stateDir, port });
    expect(started).toMatchObject({
      state: "running",
      port,
      url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    });
    if (started.state !== "running") throw new Error("not running");
    expect(started.pid).not.toBe(process.pid);
    expect(await lakebaseUrl({ stateDir })).toBe(started.url);
    const file = JSON.parse(await readFile(lakebasePaths(stateDir).processFile, "utf8"));
    expect(file).toMatchObject({
      pid: started.pid,
      port,
      url: started.url,
      dataDir: lakebasePaths(stateDir).dataDir,
    });

    await query(
      started.url,
      "CREATE TABLE public.kept (note text); INSERT INTO public.kept VALUES ('survives restart')",
    );

    const again = await startLakebaseProcess({ stateDir, port });
    expect(again).toMatchObject({ state: "running", pid: started.pid });

    // A client in the middle of a transaction when the server stops: its write must vanish, and
    // the stop must still be clean.
    const open = new pg.Client({ connectionString: started.url });
    open.on("error", () => {}); // the server going away is expected here
    await open.connect();
    await open.query("BEGIN; INSERT INTO public.kept VALUES ('never committed')");

    const stopped = await stopLakebaseProcess({ stateDir });
    await open.end().catch(() => {});
    expect(stopped.state).toBe("stopped");
    expect(stopped.dataBytes).toBeGreaterThan(1_000_000);
    await expect(readFile(lakebasePaths(stateDir).processFile)).rejects.toThrow(/ENOENT/);
    await expect(lakebaseUrl({ stateDir })).rejects.toThrow(
      "The local Lakebase is not running: start it with `pnpm appbase lakebase start` (or README command 1)",
    );
    expect(await readFile(lakebasePaths(stateDir).logFile, "utf8")).toMatch(
      /SIGTERM received: stopping[\s\S]*stopped cleanly/,
    );

    const restarted = await startLakebaseProcess({ stateDir, port });
    if (restarted.state !== "running") throw new Error("not running after restart");
    expect(restarted.pid).not.toBe(started.pid);
    expect(await query<{ note: string }>(restarted.url, "SELECT note FROM public.kept")).toEqual([
      { note: "survives restart" },
    ]);
    await stopLakebaseProcess({ stateDir });
  });

  it("reports a process.json whose pid is dead as stale, and start replaces it", {
    timeout: 120_000,
  }, async () => {
    const paths = lakebasePaths(stateDir);
    await mkdir(paths.dir, { recursive: true });
    const deadPid = 2_147_483_000; // above any real pid_max
    await writeFile(
      paths.processFile,
      JSON.stringify({
        pid: deadPid,
        port: 1,
        url: "postgres://x",
        startedAt: new Date().toISOString(),
        dataDir: paths.dataDir,
      }),
    );
    expect(await lakebaseStatus({ stateDir })).toMatchObject({ state: "stopped", stalePid: deadPid });
    // A live pid that serves nothing on its port (the pid was reused) is just as stale.
    await writeFile(
      paths.processFile,
      JSON.stringify({
        pid: process.pid,
        port: await freePort(),
        url: "postgres://x",
        startedAt: new Date().toISOString(),
        dataDir: paths.dataDir,
      }),
    );
    expect(await lakebaseStatus({ stateDir })).toMatchObject({ state: "stopped", stalePid: process.pid });
    const started = await startLakebaseProcess({ stateDir, port: await freePort() });
    expect(started.state).toBe("running");
    await stopLakebaseProcess({ stateDir });
  });

  it("fails fast on a taken port", async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expect(startLakebaseProcess({ stateDir, port })).rejects.toThrow(
        `Port ${port} is already in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it("fails with the server log tail when the server cannot start", { timeout: 120_000 }, async () => {
    // Hold the data folder in this process, so the spawned server is refused.
    const holder = await serveLocalLakebase({ dataDir: lakebasePaths(stateDir).dataDir, port: 0 });
    try {
      await expect(startLakebaseProcess({ stateDir, port: await freePort() })).rejects.toThrow(
        /did not start: it exited \(code 1\)\. Last lines of .*server\.log:\n[\s\S]*is in use by process/,
      );
    } finally {
      await holder.stop();
    }
  });
});
