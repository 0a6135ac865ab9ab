import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BranchHost, serveLocalLakebase } from "@appbase/db/local";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

export interface BranchCreatePoint {
  rows: number;
  dataBytes: number;
  /** `BranchHost.create`: tarball of the parent, a new data folder loaded from it, served on its own port. */
  branchCreateMs: number;
  /** Baseline, same data, same run: `dumpDataDir` + `PGlite.create({ loadDataDir })`, nothing served. */
  dumpLoadMs: number;
  ratio: number;
}

/** Branch creation time against data size on the local Lakebase, each size against a plain dump + load. */
export async function benchBranchCreate(options: { sizes: readonly number[]; log?: (line: string) => void }) {
  const dir = await mkdtemp(path.join(tmpdir(), "appbase-bench-branches-"));
  const main = await serveLocalLakebase({ dataDir: path.join(dir, "data"), port: 0 });
  const host = await BranchHost.open({ main, dir: path.join(dir, "branches") });
  const points: BranchCreatePoint[] = [];
  try {
    await main.pglite.exec(
      "CREATE TABLE bench_rows (id bigint PRIMARY KEY, status text NOT NULL, body text NOT NULL)",
    );
    let loaded = 0;
    for (const [i, rows] of options.sizes.entries()) {
      await main.pglite.query(
        "INSERT INTO bench_rows SELECT g, 'open', repeat(md5(g::text), 4) FROM generate_series($1::bigint, $2::bigint) g",
        [loaded + 1, rows],
      );
      loaded = rows;
      const blob = await main.pglite.dumpDataDir("none");
      let started = performance.now();
      const copy = await PGlite.create({
        loadDataDir: await main.pglite.dumpDataDir("none"),
        extensions: { vector },
      });
      const dumpLoadMs = performance.now() - started;
      await copy.close();
      started = performance.now();
      await host.create({ name: `bench-${i}` });
      const branchCreateMs = performance.now() - started;
      await host.delete(`bench-${i}`);
      const point = {
        rows,
        dataBytes: blob.size,
        branchCreateMs: Math.round(branchCreateMs),
        dumpLoadMs: Math.round(dumpLoadMs),
        ratio: Number((branchCreateMs / dumpLoadMs).toFixed(2)),
      };
      options.log?.(JSON.stringify(point));
      points.push(point);
    }
  } finally {
    await host.close();
    await main.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { benchmark: "branch-create-vs-dump-load", target: "local Lakebase (PGlite, file-backed)", points };
}
