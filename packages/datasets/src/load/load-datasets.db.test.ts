import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { DEFAULT_EPOCH, datasets, getDataset } from "@appbase/synthetic-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsMigrations } from "../migrations.ts";
import { sqlTypeOf } from "../tables/sql-types.ts";
import { type LoadProgress, loadDatasets } from "./load-datasets.ts";
import { datasetsLoaded, latestSeedRun } from "./seed-runs.ts";

let db: TestDatabase;
beforeAll(async () => {
  // Embedded PGlite over pglite-socket by default; a throwaway database on DATABASE_URL when set.
  db = await createTestDatabase({ migrations: [datasetsMigrations] });
});
afterAll(() => db?.close());

const count = async (table: string) =>
  Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe("served tables in Postgres", () => {
  it("migrations create exactly the registry's columns, types, nullability and keys", async () => {
    const { rows } = await db.pool.query<{
      t: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      `SELECT table_schema || '.' || table_name AS t, column_name, data_type, is_nullable
         FROM information_schema.columns
        WHERE table_schema IN ('customer', 'agents', 'risk', 'operations')
        ORDER BY t, ordinal_position`,
    );
    const live = rows.map(
      (r) => `${r.t}.${r.column_name} ${r.data_type}${r.is_nullable === "YES" ? " null" : ""}`,
    );
    const declared = datasets
      .flatMap((d) =>
        d.columns.map(
          (c) => `${d.domain}.${d.name}.${c.name} ${sqlTypeOf[c.type]}${c.nullable ? " null" : ""}`,
        ),
      )
      .sort();
    expect([...live].sort()).toEqual(declared);
    const keys = await db.pool.query<{ t: string; cols: string }>(
      `SELECT tc.table_schema || '.' || tc.table_name AS t, string_agg(k.column_name, ',' ORDER BY k.ordinal_position) AS cols
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
        WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema IN ('customer', 'agents', 'risk', 'operations')
        GROUP BY 1`,
    );
    const liveKeys = Object.fromEntries(keys.rows.map((r) => [r.t, r.cols]));
    for (const d of datasets) expect(liveKeys[`${d.domain}.${d.name}`]).toBe(d.primaryKey.join(","));
  });

  it("loads every table at its exact row count, records the run, and reads back what was generated", async () => {
    const events: LoadProgress[] = [];
    const result = await loadDatasets(db.pool, {
      seed: 7,
      scale: "tiny",
      batchSize: 250,
      onProgress: (e) => events.push(e),
    });
    expect(result.tables.map((t) => t.table)).toEqual(datasets.map((d) => `${d.domain}.${d.name}`));
    for (const d of datasets) {
      expect(await count(`${d.domain}.${d.name}`), d.name).toBe(d.defaultRows("tiny"));
      const mine = events.filter((e) => e.table === `${d.domain}.${d.name}`);
      expect(mine.at(-1)).toEqual({
        table: `${d.domain}.${d.name}`,
        rowsDone: d.defaultRows("tiny"),
        rowsTotal: d.defaultRows("tiny"),
      });
    }
    expect(await datasetsLoaded(db.pool)).toBe(true);
    expect(await datasetsLoaded(db.pool, { seed: 7, scale: "tiny" })).toBe(true);
    expect(await datasetsLoaded(db.pool, { seed: 8 })).toBe(false);

    // A direct load is not a sync: the one status table is the Synced Tables engine's to write.
    const status = await db.pool.query("SELECT to_regclass('appbase_meta.synced_table_status') AS t");
    expect(status.rows[0].t).toBeNull();

    const generated = getDataset("agents.tool_calls")
      .rows({ seed: 7, scale: "tiny", epoch: result.epoch })
      [Symbol.iterator]()
      .next().value!;
    const { rows } = await db.pool.query(
      "SELECT args, result, latency_ms, started_at FROM agents.tool_calls WHERE tool_call_id = $1",
      [generated.tool_call_id],
    );
    expect(rows[0].args).toEqual(generated.args);
    expect(rows[0].result).toEqual(generated.result);
    expect(rows[0].latency_ms).toBe(generated.latency_ms);
    expect((rows[0].started_at as Date).toISOString()).toBe(generated.started_at);
  });

  it("generates against the current hour by default, so served data looks current", async () => {
    const before = Date.now();
    const { epoch } = await loadDatasets(db.pool, { seed: 2, scale: "tiny" });
    expect(Date.parse(epoch)).toBeLessThanOrEqual(before);
    expect(before - Date.parse(epoch)).toBeLessThan(3_600_000);
    expect((await latestSeedRun(db.pool))?.epoch?.toISOString()).toBe(epoch);
    const newest = await db.pool.query<{ t: Date }>(
      "SELECT max(computed_at) AS t FROM customer.customer_features",
    );
    expect(newest.rows[0]!.t.getTime()).toBeLessThanOrEqual(Date.parse(epoch));
    expect(Date.parse(epoch) - newest.rows[0]!.t.getTime()).toBeLessThan(86_400_000);
  });

  it("keeps every child row joined to its parent", async () => {
    await loadDatasets(db.pool, { seed: 3, scale: "tiny" });
    const orphans = await db.pool.query<{ n: string }>(`
      SELECT (SELECT count(*) FROM customer.interactions i LEFT JOIN customer.customers c USING (customer_id) WHERE c.customer_id IS NULL)
           + (SELECT count(*) FROM agents.tool_calls t LEFT JOIN agents.messages m USING (message_id) WHERE m.message_id IS NULL)
           + (SELECT count(*) FROM risk.alerts a LEFT JOIN risk.entities e USING (entity_id) WHERE e.entity_id IS NULL)
           + (SELECT count(*) FROM operations.work_orders w LEFT JOIN operations.assets s USING (asset_id) WHERE s.asset_id IS NULL) AS n`);
    expect(Number(orphans.rows[0]!.n)).toBe(0);
  });

  it("reads back every generated value unchanged, with either insert strategy", async () => {
    for (const strategy of ["values", "unnest"] as const) {
      await loadDatasets(db.pool, { seed: 5, scale: "tiny", strategy, epoch: DEFAULT_EPOCH });
      for (const d of datasets) {
        const { rows } = await db.pool.query<{ j: Record<string, unknown> }>(
          `SELECT to_jsonb(t) AS j FROM ${d.domain}.${d.name} t ORDER BY ${d.primaryKey.join(", ")}`,
        );
        const generated = [...d.rows({ seed: 5, scale: "tiny", epoch: DEFAULT_EPOCH })];
        const isTimestamp = new Set(d.columns.filter((c) => c.type === "timestamp").map((c) => c.name));
        const key = (r: Record<string, unknown>) =>
          d.primaryKey.map((k) => (isTimestamp.has(k) ? Date.parse(String(r[k])) : String(r[k]))).join("|");
        // Postgres orders text by collation; compare by primary key instead of position.
        const stored = new Map(rows.map((r) => [key(r.j), r.j]));
        expect(stored.size, `${strategy} ${d.name}`).toBe(generated.length);
        for (const row of generated) {
          const back = stored.get(key(row));
          for (const c of d.columns) {
            const value = back?.[c.name];
            const expected = row[c.name];
            if (c.type === "timestamp" && expected !== null) {
              expect(Date.parse(String(value)), `${d.name}.${c.name}`).toBe(Date.parse(String(expected)));
            } else {
              expect(value, `${strategy} ${d.name}.${c.name} of ${key(row)}`).toEqual(expected);
            }
          }
        }
      }
    }
  });

  it("detects a load killed half-way and redoes it rather than leaving it partial", async () => {
    const abort = new AbortController();
    await expect(
      loadDatasets(db.pool, {
        seed: 11,
        scale: "tiny",
        batchSize: 50,
        signal: abort.signal,
        onProgress: (e) => {
          if (e.table === "agents.messages" && e.rowsDone > 0) abort.abort(new Error("killed"));
        },
      }),
    ).rejects.toThrow("killed");
    expect(await datasetsLoaded(db.pool)).toBe(false);
    expect((await latestSeedRun(db.pool))?.finishedAt).toBeNull();
    expect(await count("risk.entities")).toBe(0);

    await loadDatasets(db.pool, { seed: 11, scale: "tiny" });
    expect(await datasetsLoaded(db.pool, { seed: 11 })).toBe(true);
    for (const name of ["customer.customers", "agents.messages", "risk.entities"]) {
      expect(await count(name)).toBe(getDataset(name).defaultRows("tiny"));
    }
  });

  it("rejects bad options naming the field, before writing anything", async () => {
    const before = await latestSeedRun(db.pool);
    await expect(loadDatasets(db.pool, { seed: 1, scale: "huge" })).rejects.toThrow(/scale: expected "tiny"/);
    await expect(loadDatasets(db.pool, { seed: -4, scale: "tiny" })).rejects.toThrow(/loadDatasets: seed/);
    await expect(loadDatasets(db.pool, { seed: 1, scale: "tiny", epoch: "today" })).rejects.toThrow(
      /loadDatasets: epoch/,
    );
    expect((await latestSeedRun(db.pool))?.runId).toBe(before?.runId);
  });
});

describe("an unmigrated database", () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(() => empty?.close());

  it("reports nothing loaded and explains how to migrate", async () => {
    expect(await datasetsLoaded(empty.pool)).toBe(false);
    await expect(loadDatasets(empty.pool, { seed: 1, scale: "tiny" })).rejects.toThrow(
      /table customer\.customers, .* does not exist; apply the datasets migrations first/,
    );
  });
});
