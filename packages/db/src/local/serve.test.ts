import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./free-port.ts";
import { type LocalLakebase, serveLocalLakebase } from "./serve.ts";

let tempDir: string;
let lakebase: LocalLakebase;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "appbase-serve-"));
  lakebase = await serveLocalLakebase({ dataDir: path.join(tempDir, "data"), port: 0 });
});

afterAll(async () => {
  await lakebase?.stop();
  await rm(tempDir, { recursive: true, force: true });
});

describe("serveLocalLakebase", () => {
  it("serves a postgres:// URL on the chosen port", () => {
    expect(lakebase.url).toBe(`postgres://postgres:postgres@127.0.0.1:${lakebase.port}/postgres`);
  });

  it("serves 10 pooled pg clients running transactions in parallel", async () => {
    const pool = new pg.Pool({ connectionString: lakebase.url, max: 10 });
    try {
      await pool.query("CREATE TABLE public.counter (id int PRIMARY KEY, n int NOT NULL)");
      await pool.query("INSERT INTO public.counter VALUES (1, 0)");
      // 10 clients checked out at once, each doing read-modify-write in a transaction: if
      // transactions interleaved, increments would be lost.
      const clients = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
      expect(pool.totalCount).toBe(10);
      await Promise.all(
        clients.map(async (client, i) => {
          for (let round = 0; round < 5; round++) {
            await client.query("BEGIN");
            const { rows } = await client.query<{ n: number }>("SELECT n FROM public.counter WHERE id = 1");
            await client.query("UPDATE public.counter SET n = $1 WHERE id = 1", [rows[0]!.n + 1]);
            await client.query("COMMIT");
          }
          return i;
        }),
      );
      for (const client of clients) client.release();
      const { rows } = await pool.query<{ n: number }>("SELECT n FROM public.counter WHERE id = 1");
      expect(rows[0]!.n).toBe(50);
    } finally {
      await pool.end();
    }
  });

  it("keeps each connection's parameterized queries whole when 10 connections send them at once", async () => {
    // Each parameterized query is a Parse/Bind/Describe/Execute/Sync batch on the one PGlite session. A
    // batch whose parameters span several TCP reads let other connections' batches in between (pglite
    // issue #1046): one bound another's statement and the socket server hung. patches/ fixes it: a
    // connection that started a batch owns the session until its Sync.
    const pool = new pg.Pool({ connectionString: lakebase.url, max: 10 });
    try {
      await pool.query(
        "CREATE TABLE public.batch_probe (id serial PRIMARY KEY, c int NOT NULL, v int NOT NULL)",
      );
      const clients = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
      const results = await Promise.all(
        clients.map(async (client, c) => {
          const wrong: string[] = [];
          for (let round = 0; round < 20; round++) {
            const value = c * 1000 + round;
            const { rows } =
              c % 2 === 0
                ? // A large parameter: the batch spans several TCP reads, with other connections' in between.
                  await client.query<{ v: number }>("SELECT $1::int AS v, length($2::text) AS n", [
                    value,
                    "x".repeat(200_000),
                  ])
                : await client.query<{ v: number }>(
                    "INSERT INTO public.batch_probe (c, v) VALUES ($1, $2) RETURNING c, v, 'written' AS label",
                    [c, value],
                  );
            if (rows.length !== 1 || rows[0]!.v !== value) wrong.push(`${value} → ${JSON.stringify(rows)}`);
          }
          return wrong;
        }),
      );
      for (const client of clients) client.release();
      expect(results.flat()).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("reports a taken port clearly, without touching the data folder", async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expect(serveLocalLakebase({ dataDir: path.join(tempDir, "other"), port })).rejects.toThrow(
        `Port ${port} is already in use: another local Lakebase or Postgres is running there. Stop it or set APPBASE_LAKEBASE_PORT.`,
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a second server on a data folder that is in use", async () => {
    await expect(serveLocalLakebase({ dataDir: path.join(tempDir, "data"), port: 0 })).rejects.toThrow(
      /data folder .* is in use by process/,
    );
  });
});
