import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BranchHost, serveLocalLakebase } from "@appbase/db/local";
import pg from "pg";
import { diffBranchRows } from "../diff/row-diff.ts";

/**
 * Row diff time on a kit-state-shaped table (1% updated, 0.2% deleted, 0.2% inserted on the branch)
 * against a baseline measured in the same run: reading every row of both sides once (`SELECT *`).
 */
export async function benchBranchDiff(options: { sizes: readonly number[]; log?: (line: string) => void }) {
  const dir = await mkdtemp(path.join(tmpdir(), "appbase-bench-diff-"));
  const main = await serveLocalLakebase({ dataDir: path.join(dir, "data"), port: 0 });
  const host = await BranchHost.open({ main, dir: path.join(dir, "branches") });
  const points = [];
  try {
    await main.pglite.exec(`CREATE SCHEMA kit; CREATE TABLE kit.cases (id bigint PRIMARY KEY, status text NOT NULL,
      owner text, amount numeric(12,2) NOT NULL, note text, updated_at timestamptz NOT NULL DEFAULT now())`);
    let loaded = 0;
    for (const [i, rows] of options.sizes.entries()) {
      await main.pglite.query(
        "INSERT INTO kit.cases (id, status, owner, amount, note) SELECT g, 'open', 'user-' || (g % 50), g * 1.25, md5(g::text) FROM generate_series($1::bigint, $2::bigint) g",
        [loaded + 1, rows],
      );
      loaded = rows;
      const branch = await host.create({ name: `diff-${i}` });
      const parentPool = new pg.Pool({ connectionString: main.url, max: 2 });
      const branchPool = new pg.Pool({ connectionString: branch.url, max: 2 });
      try {
        const step = Math.floor(rows / 100);
        await branchPool.query("UPDATE kit.cases SET status = 'closed' WHERE id % $1 = 0", [step]);
        await branchPool.query("DELETE FROM kit.cases WHERE id % $1 = 1", [step * 5]);
        await branchPool.query(
          "INSERT INTO kit.cases (id, status, amount) SELECT $1::bigint + g, 'open', 1 FROM generate_series(1, $2::int) g",
          [rows * 10, Math.floor(rows / 500)],
        );
        let started = performance.now();
        await Promise.all([
          parentPool.query("SELECT * FROM kit.cases"),
          branchPool.query("SELECT * FROM kit.cases"),
        ]);
        const fullReadMs = performance.now() - started;
        started = performance.now();
        const [diff] = await diffBranchRows({
          parent: parentPool,
          branch: branchPool,
          tables: ["kit.cases"],
        });
        const diffMs = performance.now() - started;
        const point = {
          rows,
          counts: diff?.counts,
          diffMs: Math.round(diffMs),
          fullReadMs: Math.round(fullReadMs),
          ratio: Number((diffMs / fullReadMs).toFixed(2)),
        };
        options.log?.(JSON.stringify(point));
        points.push(point);
      } finally {
        await parentPool.end();
        await branchPool.end();
        await host.delete(`diff-${i}`);
      }
    }
  } finally {
    await host.close();
    await main.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    benchmark: "branch-diff-vs-full-read",
    target: "local Lakebase (two branches, one process)",
    points,
  };
}
