import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TableDeclaration } from "../column-types.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import { SyncedTablesEngine } from "../sync/engine.ts";
import { type PGliteLike, pgliteSyncPostgres } from "../sync/sync-postgres.ts";
import type { Row } from "../values.ts";

/** A PGlite instance that can COPY from an in-memory file (`/dev/blob`). */
export interface PGliteWithBlob extends PGliteLike {
  query<T>(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
}

export interface SnapshotBenchResult {
  rows: number;
  snapshotSeconds: number;
  snapshotRowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  /** Snapshot throughput as a share of plain COPY's (1 = as fast as COPY). */
  ratio: number;
}

const DECLARATION: TableDeclaration = {
  columns: [
    { name: "id", type: "BIGINT", nullable: false },
    { name: "name", type: "STRING" },
    { name: "score", type: "DOUBLE" },
    { name: "seen_at", type: "TIMESTAMP" },
    { name: "amount", type: "DECIMAL(12,2)" },
  ],
  primaryKey: ["id"],
};

function benchRow(i: number): Row {
  return {
    id: i,
    name: `customer ${i}`,
    score: i / 7,
    seen_at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    amount: ((i % 100_000) / 100).toFixed(2),
  };
}

/**
 * Benchmark: a SNAPSHOT sync of `rows` rows from the local lakehouse into PGlite, against a plain
 * `COPY … FROM '/dev/blob'` of the same rows into an identical table of the same PGlite, both
 * in process (where the local platform process does bulk work). COPY's time includes writing the CSV.
 */
export async function benchSnapshotVsCopy(options: {
  rows: number;
  pglite: PGliteWithBlob;
  onStep?: (step: string) => void;
}): Promise<SnapshotBenchResult> {
  const { rows: n, pglite } = options;
  const dir = mkdtempSync(path.join(tmpdir(), "lakehouse-bench-"));
  const lake = await openLocalLakehouse({ directory: dir });
  try {
    await lake.ensureSchema("main.bench");
    await lake.createTable("main.bench.customers", DECLARATION);
    options.onStep?.(`loading ${n} rows into the lakehouse`);
    for (let start = 0; start < n; start += 250_000) {
      await lake.append(
        "main.bench.customers",
        Array.from({ length: Math.min(250_000, n - start) }, (_, i) => benchRow(start + i)),
      );
    }
    const engine = new SyncedTablesEngine({
      lakehouse: lake,
      postgres: pgliteSyncPostgres(pglite),
      statusSchema: "bench_sync",
      tables: [
        {
          schema: "bench",
          table: "customers_synced",
          source: "main.bench.customers",
          primaryKey: ["id"],
          schedulingPolicy: "SNAPSHOT",
        },
      ],
    });
    options.onStep?.("snapshot sync");
    let started = performance.now();
    await engine.run("bench.customers_synced");
    const snapshotSeconds = (performance.now() - started) / 1000;

    options.onStep?.("plain COPY");
    await pglite.query("DROP TABLE IF EXISTS bench.customers_copy");
    await pglite.query(
      "CREATE TABLE bench.customers_copy (id bigint PRIMARY KEY, name text, score double precision, seen_at timestamptz, amount numeric(12,2))",
    );
    started = performance.now();
    const lines: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = benchRow(i);
      lines[i] = `${r.id},${r.name},${r.score},${r.seen_at},${r.amount}`;
    }
    await pglite.query("COPY bench.customers_copy FROM '/dev/blob' WITH (FORMAT csv)", [], {
      blob: new Blob([`${lines.join("\n")}\n`]),
    });
    const copySeconds = (performance.now() - started) / 1000;

    const snapshotRowsPerSecond = Math.round(n / snapshotSeconds);
    const copyRowsPerSecond = Math.round(n / copySeconds);
    return {
      rows: n,
      snapshotSeconds,
      snapshotRowsPerSecond,
      copySeconds,
      copyRowsPerSecond,
      ratio: snapshotRowsPerSecond / copyRowsPerSecond,
    };
  } finally {
    await lake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
