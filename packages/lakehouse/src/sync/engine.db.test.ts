import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { openTestPostgres } from "../testing/test-postgres.ts";
import type { Row } from "../values.ts";
import type { SyncedTableDeclaration } from "./declaration.ts";
import { SyncedTablesEngine, type SyncRunResult } from "./engine.ts";
import { poolSyncPostgres } from "./sync-postgres.ts";

const SOURCE = "main.gold.accounts";

let db: Awaited<ReturnType<typeof openTestPostgres>>;
let dir: string;
let lake: Lakehouse;
let schema: string;
let counter = 0;
const engines: SyncedTablesEngine[] = [];

beforeAll(async () => {
  db = await openTestPostgres();
});
afterAll(async () => {
  await db.close();
});

beforeEach(async () => {
  counter += 1;
  schema = `serving_${counter}`;
  dir = mkdtempSync(path.join(tmpdir(), "lakehouse-sync-"));
  lake = await openLocalLakehouse({ directory: dir });
  await lake.ensureSchema("main.gold");
  // The source declares no key: synced tables take theirs from the declaration, so NULL keys can occur.
  await lake.createTable(SOURCE, {
    columns: [
      { name: "id", type: "BIGINT" },
      { name: "name", type: "STRING" },
      { name: "balance", type: "DECIMAL(12,2)" },
      { name: "updated_at", type: "TIMESTAMP" },
    ],
  });
});

afterEach(async () => {
  await Promise.all(engines.map((e) => e.stop()));
  engines.length = 0;
  await lake.close();
  rmSync(dir, { recursive: true, force: true });
});

function engineFor(
  policy: SyncedTableDeclaration["schedulingPolicy"],
  extra: Partial<SyncedTableDeclaration> = {},
  pool: pg.Pool = db.pool,
  snapshotPageSize?: number,
) {
  const engine = new SyncedTablesEngine({
    lakehouse: lake,
    postgres: poolSyncPostgres(pool),
    tables: [
      {
        schema,
        table: "accounts",
        source: "gold.accounts",
        primaryKey: ["id"],
        schedulingPolicy: policy,
        ...extra,
      },
    ],
    statusSchema: `${schema}_sync`,
    continuousIntervalMs: 20,
    snapshotPageSize,
  });
  engines.push(engine);
  return engine;
}

async function target(): Promise<Row[]> {
  const { rows } = await db.pool.query(
    `SELECT id::text AS id, name, balance::text AS balance, updated_at FROM "${schema}".accounts ORDER BY id`,
  );
  return rows.map((r: Record<string, unknown>) => ({
    id: Number(r.id),
    name: r.name as string | null,
    balance: r.balance as string | null,
    updated_at: r.updated_at ? (r.updated_at as Date).toISOString() : null,
  }));
}

async function sourceServing(): Promise<Row[]> {
  return (await lake.read(SOURCE, { where: { column: "id", op: "is not null" }, orderBy: ["id"] })).map(
    (r) => ({ ...r }),
  );
}

const ts = (minute: number) => `2026-07-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

async function mutateSource(): Promise<void> {
  await lake.merge(
    SOURCE,
    [
      { id: 2, name: "bob (renamed)", balance: "20.50", updated_at: ts(5) },
      { id: 4, name: "dave", balance: "4.00", updated_at: ts(6) },
    ],
    { keys: ["id"] },
  );
  await lake.delete(SOURCE, { column: "id", op: "=", value: 3 });
  await lake.append(SOURCE, [{ id: null, name: "no key", balance: "1.00" }]);
  await lake.replaceWhere(SOURCE, { column: "id", op: "=", value: 1 }, [
    { id: 1, name: "alice v2", balance: "11.00", updated_at: ts(7) },
  ]);
}

async function seedSource(): Promise<void> {
  await lake.append(SOURCE, [
    { id: 1, name: "alice", balance: "10.00", updated_at: ts(1) },
    { id: 2, name: "bob", balance: "20.00", updated_at: ts(2) },
    { id: 3, name: "carol", balance: "30.00", updated_at: ts(3) },
    { id: null, name: "orphan", balance: "0.00", updated_at: ts(4) },
  ]);
}

describe("Synced Tables engine", () => {
  it(`SNAPSHOT copies the source (without NULL keys) and converges after inserts, updates and deletes`, async () => {
    await seedSource();
    const engine = engineFor("SNAPSHOT");
    expect((await engine.status())[0]?.detailed_state).toBe("SYNCED_TABLE_PROVISIONING");
    const first = await engine.run(`${schema}.accounts`);
    expect(first).toMatchObject({ mode: "snapshot", toVersion: 1, rowsWritten: 3 });
    expect(await target()).toEqual(await sourceServing());
    await mutateSource();
    const second = await engine.run(`${schema}.accounts`);
    expect(second).toMatchObject({ mode: "snapshot", toVersion: 5 });
    expect(await target()).toEqual(await sourceServing());
    const [status] = await engine.status();
    expect(status).toMatchObject({
      detailed_state: "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE",
      last_processed_commit_version: 5,
      message: null,
      source_table_full_name: SOURCE,
    });
    expect(Date.parse(status!.last_sync_time!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("TRIGGERED applies only the change feed since last_processed_commit_version", async () => {
    await seedSource();
    const engine = engineFor("TRIGGERED");
    expect((await engine.run(`${schema}.accounts`)).mode).toBe("snapshot");
    await mutateSource();
    const result = await engine.run(`${schema}.accounts`);
    expect(result).toMatchObject({
      mode: "incremental",
      fromVersion: 2,
      toVersion: 5,
      keysDeleted: 4,
      rowsWritten: 3,
    });
    expect(await target()).toEqual(await sourceServing());
    expect((await engine.run(`${schema}.accounts`)).mode).toBe("up-to-date");
    expect((await engine.status())[0]?.last_processed_commit_version).toBe(5);
  });

  it("a restarted engine resumes from last_processed_commit_version without duplicates or gaps", async () => {
    await seedSource();
    await engineFor("TRIGGERED").run(`${schema}.accounts`);
    await mutateSource();
    const restarted = engineFor("TRIGGERED");
    const result = await restarted.run(`${schema}.accounts`);
    expect(result).toMatchObject({ mode: "incremental", fromVersion: 2, toVersion: 5 });
    expect(await target()).toEqual(await sourceServing());
  });

  it("a sync that dies mid-write leaves data and progress untouched, and the next run completes it", async () => {
    await seedSource();
    await engineFor("TRIGGERED").run(`${schema}.accounts`);
    await mutateSource();
    const before = await target();
    // A pool whose clients fail on the status write: the crash lands after the rows were written.
    const failing = {
      connect: async () => {
        const client = await db.pool.connect();
        return {
          query: (sql: string, values?: unknown[]) =>
            sql.includes('_sync".synced_table_status')
              ? Promise.reject(new Error("connection lost"))
              : client.query(sql, values),
          release: () => client.release(),
        };
      },
      query: (sql: string, values?: unknown[]) => db.pool.query(sql, values),
    } as unknown as pg.Pool;
    const crashing = engineFor("TRIGGERED", {}, failing);
    await expect(crashing.run(`${schema}.accounts`)).rejects.toThrow("connection lost");
    expect(await target()).toEqual(before);
    const [status] = await crashing.status();
    expect(status).toMatchObject({
      detailed_state: "SYNCED_TABLE_ONLINE_PIPELINE_FAILED",
      last_processed_commit_version: 1,
      message: "connection lost",
    });
    expect((await engineFor("TRIGGERED").run(`${schema}.accounts`)).fromVersion).toBe(2);
    expect(await target()).toEqual(await sourceServing());
  });

  it("CONTINUOUS keeps converging in a loop", async () => {
    await seedSource();
    const engine = engineFor("CONTINUOUS");
    const caughtUp = (version: number) =>
      new Promise<SyncRunResult>((resolve) => {
        const listener = (r: SyncRunResult) => {
          if (r.toVersion >= version) {
            engine.off("synced", listener);
            resolve(r);
          }
        };
        engine.on("synced", listener);
      });
    const initial = caughtUp(1);
    engine.startContinuous();
    expect((await initial).mode).toBe("snapshot");
    const next = caughtUp(5);
    await mutateSource();
    await next;
    expect(await target()).toEqual(await sourceServing());
    expect((await engine.status())[0]?.detailed_state).toBe("SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE");
    await engine.stop();
    expect((await engine.status())[0]?.last_processed_commit_version).toBe(5);
  });

  it("with a timeseries key the latest row per key wins", async () => {
    await lake.append(SOURCE, [
      { id: 1, name: "old", updated_at: ts(1) },
      { id: 1, name: "new", updated_at: ts(9) },
      { id: 2, name: "only", updated_at: ts(2) },
    ]);
    const engine = engineFor("TRIGGERED", { timeseriesKey: "updated_at" });
    await engine.run(`${schema}.accounts`);
    expect((await target()).map((r) => r.name)).toEqual(["new", "only"]);
    await lake.append(SOURCE, [
      { id: 2, name: "older", updated_at: ts(0) },
      { id: 1, name: "newest", updated_at: ts(30) },
    ]);
    await engine.run(`${schema}.accounts`);
    expect((await target()).map((r) => r.name)).toEqual(["newest", "only"]);
    await lake.delete(SOURCE, { column: "name", op: "=", value: "newest" });
    await engine.run(`${schema}.accounts`);
    expect((await target()).map((r) => r.name)).toEqual(["new", "only"]);
  });

  it("a snapshot read in small pages equals one read whole, with keys spanning pages", async () => {
    await lake.append(
      SOURCE,
      Array.from({ length: 23 }, (_, i) => ({ id: i % 9, name: `v${i}`, updated_at: ts(i) })),
    );
    // Page sizes that a key's rows (2 or 3 of them) fill whole, split, or end exactly.
    for (const pageSize of [1, 2, 3, 4, 5, 50]) {
      const paged = engineFor("SNAPSHOT", { timeseriesKey: "updated_at" }, db.pool, pageSize);
      const result = await paged.run(`${schema}.accounts`);
      expect(result.rowsWritten).toBe(9);
      // The latest row of id k is the last i with i % 9 === k.
      expect((await target()).map((r) => r.name)).toEqual(
        Array.from({ length: 9 }, (_, k) => `v${k + 18 <= 22 ? k + 18 : k + 9}`),
      );
    }
  });

  it("reports a failed first sync as OFFLINE_FAILED with the reason", async () => {
    await seedSource();
    await lake.append(SOURCE, [{ id: 1, name: "duplicate" }]);
    const engine = engineFor("SNAPSHOT");
    await expect(engine.run(`${schema}.accounts`)).rejects.toThrow("more than one row with primary key");
    const [status] = await engine.status();
    expect(status?.detailed_state).toBe("SYNCED_TABLE_OFFLINE_FAILED");
    expect(status?.message).toContain("declare a timeseriesKey");
    const missing = new SyncedTablesEngine({
      lakehouse: lake,
      postgres: poolSyncPostgres(db.pool),
      tables: [
        { schema, table: "x", source: "gold.nope", primaryKey: ["id"], schedulingPolicy: "TRIGGERED" },
      ],
      statusSchema: `${schema}_sync`,
    });
    await expect(missing.run(`${schema}.x`)).rejects.toThrow("Source table main.gold.nope of synced table");
  });
});
