import { createPool } from "@appbase/db";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { doublePrecision, integer, pgSchema, text } from "drizzle-orm/pg-core";
import pg from "pg";
import { type LatencySummary, measure, ratio } from "./stats.ts";

const benchSchema = pgSchema("appbase_bench");
const pointRows = benchSchema.table("point_rows", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  score: doublePrecision("score").notNull(),
});

const ROWS = 10_000;

export interface PointReadResult {
  benchmark: "point-read";
  target: string;
  rows: number;
  runs: Array<{ concurrency: number; raw: LatencySummary; dataLayer: LatencySummary; ratio: Ratios }>;
}

interface Ratios {
  p50: number;
  p99: number;
  throughput: number;
}

/**
 * A primary-key read through the data layer (the pool from `createPool` + drizzle, what kits use)
 * against raw `pg` on the same server, at each concurrency. Ratios > 1 mean the data layer is slower.
 */
export async function benchPointRead(options: {
  env: NodeJS.ProcessEnv;
  url: string;
  concurrencies: number[];
  operations: number;
}): Promise<PointReadResult> {
  const maxConcurrency = Math.max(...options.concurrencies);
  const raw = new pg.Pool({ connectionString: options.url, max: maxConcurrency });
  const layer = await createPool({ env: options.env, max: maxConcurrency, applicationName: "appbase-bench" });
  try {
    await createRows(raw);
    const db = drizzle(layer.pool);
    const runs: PointReadResult["runs"] = [];
    for (const concurrency of options.concurrencies) {
      const settings = { operations: options.operations, concurrency };
      const id = (i: number) => ((i * 7919) % ROWS) + 1;
      // Warm both paths so connection setup is not measured.
      await measure(
        (i) => raw.query("select id, name, score from appbase_bench.point_rows where id = $1", [id(i)]),
        {
          operations: concurrency * 4,
          concurrency,
        },
      );
      await measure(
        (i) =>
          db
            .select()
            .from(pointRows)
            .where(eq(pointRows.id, id(i))),
        {
          operations: concurrency * 4,
          concurrency,
        },
      );
      const rawSummary = await measure(
        (i) => raw.query("select id, name, score from appbase_bench.point_rows where id = $1", [id(i)]),
        settings,
      );
      const layerSummary = await measure(
        (i) =>
          db
            .select()
            .from(pointRows)
            .where(eq(pointRows.id, id(i))),
        settings,
      );
      runs.push({
        concurrency,
        raw: rawSummary,
        dataLayer: layerSummary,
        ratio: {
          p50: ratio(layerSummary.p50Ms, rawSummary.p50Ms),
          p99: ratio(layerSummary.p99Ms, rawSummary.p99Ms),
          throughput: ratio(layerSummary.throughputPerSec, rawSummary.throughputPerSec),
        },
      });
    }
    return { benchmark: "point-read", target: layer.describe(), rows: ROWS, runs };
  } finally {
    await raw.end();
    await layer.close();
  }
}

async function createRows(pool: pg.Pool): Promise<void> {
  await pool.query("create schema if not exists appbase_bench");
  await pool.query(
    "create table if not exists appbase_bench.point_rows (id integer primary key, name text not null, score double precision not null)",
  );
  const { rows } = await pool.query<{ n: string }>(
    "select count(*)::text as n from appbase_bench.point_rows",
  );
  if (Number(rows[0]?.n) === ROWS) return;
  await pool.query("truncate appbase_bench.point_rows");
  await pool.query(
    `insert into appbase_bench.point_rows (id, name, score)
     select g, 'row ' || g, (g * 37 % 1000) / 10.0 from generate_series(1, ${ROWS}) as g`,
  );
}
