import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { benchBranchCreate, benchBranchDiff } from "@appbase/branches/bench";
import { applyMigrations, createPool } from "@appbase/db";
import { startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import { benchSnapshotVsCopy } from "@appbase/lakehouse/bench";
import { benchGovernanceWriter } from "@appbase/lakehouse/bench/governance";
import { governanceMigrations } from "@appbase/lakehouse/governance";
import { parseScale } from "@appbase/synthetic-data";
import { PGlite } from "@electric-sql/pglite";
import type { Command } from "commander";
import { benchHttpLoad } from "../bench/http-load.ts";
import { benchLargeLoad } from "../bench/large-load.ts";
import { PAGE_SETS } from "../bench/page-sets/index.ts";
import { benchPageTtfb } from "../bench/page-ttfb.ts";
import { benchPointRead } from "../bench/point-read.ts";
import { benchPolicyRetrieval } from "../bench/policy-retrieval.ts";
import { readBenchFiles, renderReport } from "../bench/report.ts";
import { discoverKits } from "../kits.ts";
import { lakehouseDirOf } from "../orchestrator/land-gold.ts";
import { prepareDatabase } from "../orchestrator/prepare-database.ts";
import { CliError, findRepoRoot } from "../repo.ts";

interface BenchOptions {
  operations: string;
  syncRows: string;
  retrievalChunks: string;
  governedWrites: string;
  only?: string;
  out?: string;
  reportOnly?: boolean;
  loadRequests: string;
  loadKits?: string;
  loadScale: string;
  pageCustomers: string;
  pageAlerts: string;
  pageWorkOrders: string;
  pageThreads: string;
  pageKits: string;
  pageRequests: string;
  postgresUrl?: string;
}

const BENCHMARKS = [
  "point-read",
  "governance-writer",
  "snapshot-sync",
  "branch-create",
  "branch-diff",
  "policy-retrieval",
  "http-load",
  "large-load",
  "page-ttfb",
] as const;

/** `appbase bench`: benchmarks with JSON output, each against a baseline measured in the same run. */
export function registerBenchCommand(program: Command): void {
  program
    .command("bench")
    .description("run the benchmarks and write JSON results to bench-results/")
    .option("--only <name>", `one benchmark: ${BENCHMARKS.join(", ")}`)
    .option("--operations <n>", "point reads per measurement", "4000")
    .option("--governed-writes <n>", "writes for the Governance Writer benchmark", "500")
    .option("--sync-rows <n>", "rows for the snapshot sync vs COPY benchmark", "1000000")
    .option("--retrieval-chunks <n>", "policy chunks for the retrieval benchmark", "100000")
    .option("--load-requests <n>", "requests per page and per mutation (http-load)", "96")
    .option("--load-kits <ids>", "http-load: only these kits (comma-separated ids; default every kit)")
    .option(
      "--load-scale <scale>",
      "synthetic data scale for large-load (gold landing and sync vs COPY)",
      "large",
    )
    .option("--page-customers <n>", "customers loaded for page-ttfb", "1000000")
    .option("--page-alerts <n>", "risk alerts loaded for page-ttfb", "1000000")
    .option("--page-work-orders <n>", "assets and work orders loaded for page-ttfb", "100000")
    .option("--page-threads <n>", "agent threads (runs, tool calls) loaded for page-ttfb", "100000")
    .option("--page-kits <ids>", "page-ttfb: the kits whose lists to time", Object.keys(PAGE_SETS).join(","))
    .option(
      "--postgres-url <url>",
      "page-ttfb: also measure on this PostgreSQL server (default: APPBASE_PG_SERVER_URL or DATABASE_URL)",
      process.env.APPBASE_PG_SERVER_URL || process.env.DATABASE_URL || undefined,
    )
    .option("--page-requests <n>", "requests per page for page-ttfb", "40")
    .option("--out <dir>", "output folder (default: <repo>/bench-results)")
    .option("--report-only", "only regenerate report.html from the JSON results already there")
    .action(async (options: BenchOptions) => {
      if (options.only && !BENCHMARKS.includes(options.only as (typeof BENCHMARKS)[number])) {
        throw new CliError(`Unknown benchmark "${options.only}"; choose one of ${BENCHMARKS.join(", ")}.`);
      }
      const outDir = options.out ?? join(findRepoRoot(), "bench-results");
      mkdirSync(outDir, { recursive: true });
      if (options.reportOnly) return writeReport(outDir);
      const wanted = (name: string) => !options.only || options.only === name;
      // The machine is shared: each result says how loaded it was (1-minute load average, cores).
      let loadBefore = loadavg()[0]!;
      const write = (name: string, result: object) => {
        const load = { before: loadBefore, after: loadavg()[0]!, cores: availableParallelism() };
        const report = { ...result, node: process.version, at: new Date().toISOString(), load };
        const file = join(outDir, `${name}.json`);
        writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
        console.log(JSON.stringify(report, null, 2));
        console.error(`Wrote ${file}`);
        loadBefore = loadavg()[0]!;
      };
      if (wanted("point-read")) {
        write(
          "point-read",
          await withBenchLakebase((url, env) =>
            benchPointRead({ env, url, concurrencies: [1, 32], operations: Number(options.operations) }),
          ),
        );
      }
      if (wanted("governance-writer")) {
        write(
          "governance-writer",
          await withBenchLakebase((_url, env) => governedWrites(env, Number(options.governedWrites))),
        );
      }
      if (wanted("snapshot-sync")) write("snapshot-sync", await snapshotSync(Number(options.syncRows)));
      if (wanted("policy-retrieval")) {
        write(
          "policy-retrieval",
          await withBenchLakebase(async (_url, env) => {
            const db = await createPool({ env, applicationName: "appbase-bench" });
            try {
              console.error("Policy retrieval (pgvector HNSW with filters vs exact search)…");
              const result = await benchPolicyRetrieval({
                pool: db.pool,
                chunks: Number(options.retrievalChunks),
                dims: 256,
                queries: 200,
                log: console.error,
              });
              return { ...result, target: db.describe() };
            } finally {
              await db.close();
            }
          }),
        );
      }
      if (wanted("branch-create"))
        write(
          "branch-create",
          await benchBranchCreate({ sizes: [10_000, 100_000, 300_000], log: console.error }),
        );
      if (wanted("branch-diff"))
        write("branch-diff", await benchBranchDiff({ sizes: [10_000, 50_000], log: console.error }));
      if (wanted("http-load")) {
        const result = await httpLoad(Number(options.loadRequests), options.loadKits?.split(","));
        write(`http-load-${result.database}`, result);
      }
      if (wanted("large-load"))
        write(
          "large-load",
          await benchLargeLoad({ scale: parseScale(options.loadScale), seed: 42, log: console.error }),
        );
      if (wanted("page-ttfb")) {
        const kits = await discoverKits(findRepoRoot());
        const rows: Record<string, string> = {
          "customer-hub": options.pageCustomers,
          "risk-compliance": options.pageAlerts,
          "operations-portal": options.pageWorkOrders,
          "agent-ops": options.pageThreads,
        };
        for (const id of options.pageKits.split(",")) {
          const kit = kits.find((k) => k.id === id);
          const set = PAGE_SETS[id];
          if (!kit || !set)
            throw new CliError(
              `page-ttfb: no list pages for "${id}"; choose from ${Object.keys(PAGE_SETS).join(", ")}.`,
            );
          write(
            `page-ttfb-${id}`,
            await benchPageTtfb({
              kit,
              set,
              rows: Number(rows[id]),
              requests: Number(options.pageRequests),
              // PostgreSQL too when a server is configured (as for the database tests).
              postgresUrl: options.postgresUrl,
              log: console.error,
            }),
          );
        }
      }
      writeReport(outDir);
    });
}

/**
 * HTTP load on every kit's production build, in a throwaway state folder (its own embedded Lakebase,
 * or DATABASE_URL's PostgreSQL) with the default synthetic data, kits on ports shifted by a random offset (APPBASE_PORT_OFFSET overrides).
 */
async function httpLoad(requests: number, only?: readonly string[]) {
  const repoRoot = findRepoRoot();
  const stateDir = mkdtempSync(join(tmpdir(), "appbase-http-load-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APPBASE_STATE_DIR: stateDir,
    APPBASE_LAKEHOUSE_DIR: lakehouseDirOf(stateDir),
    APPBASE_LAKEBASE_PORT:
      process.env.APPBASE_LAKEBASE_PORT ?? String(20_000 + Math.floor(Math.random() * 20_000)),
    APPBASE_PORT_OFFSET: process.env.APPBASE_PORT_OFFSET ?? String(6000 + Math.floor(Math.random() * 3000)),
    NODE_ENV: "production",
  };
  const database = env.DATABASE_URL ? "postgres" : "lakebase";
  // The Lakebase process and kit discovery read these from the process environment (a one-shot CLI run).
  process.env.APPBASE_LAKEBASE_PORT = env.APPBASE_LAKEBASE_PORT;
  process.env.APPBASE_PORT_OFFSET = env.APPBASE_PORT_OFFSET;
  const kits = await discoverKits(repoRoot);
  const prepared = await prepareDatabase({
    stateDir,
    env,
    kits,
    seed: 42,
    scale: "default",
    log: console.error,
  });
  try {
    const connections = 32;
    const loaded = only ? kits.filter((k) => only.includes(k.id)) : kits;
    if (loaded.length === 0) throw new CliError(`http-load: no kit named ${only?.join(", ")}.`);
    const runs = await benchHttpLoad({
      kits: loaded,
      repoRoot,
      env,
      db: prepared.db.pool,
      connections,
      requests,
      log: console.error,
    });
    const goals = runs.flatMap((r) => [
      {
        name: `${r.kit}: 0 errors under load (read and mutation)`,
        value: r.read.errors + r.mutation.errors,
        met: r.read.errors + r.mutation.errors === 0,
      },
      {
        name: `${r.kit}: nothing lost (rows written = successes reported)`,
        value: r.mutation.lost,
        met: r.mutation.lost === 0,
      },
    ]);
    return {
      benchmark: "http-load",
      database,
      target: prepared.db.describe(),
      connections,
      requests,
      runs,
      goals,
    };
  } finally {
    await prepared.db.close();
    if (!env.DATABASE_URL) await stopLakebaseProcess({ stateDir });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** bench-results/report.html from every JSON result in the folder (this run's and earlier ones). */
function writeReport(outDir: string): void {
  const file = join(outDir, "report.html");
  writeFileSync(file, renderReport(readBenchFiles(outDir)));
  console.error(`Wrote ${file}`);
}

/** Runs `fn` against a throwaway local Lakebase in its own process, so a benchmark never touches your data. */
async function withBenchLakebase<T>(
  fn: (url: string, env: Record<string, string>) => Promise<T>,
): Promise<T> {
  const stateDir = mkdtempSync(join(tmpdir(), "appbase-bench-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  try {
    const status = await startLakebaseProcess({ stateDir, port });
    if (status.state !== "running")
      throw new CliError(`The benchmark's Lakebase did not start; see ${status.logFile}.`);
    return await fn(status.url, { APPBASE_STATE_DIR: stateDir });
  } finally {
    await stopLakebaseProcess({ stateDir });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** A SNAPSHOT synced-table refresh vs a plain in-process COPY of the same rows into the same PGlite. */
async function snapshotSync(rows: number) {
  const pglite = await PGlite.create();
  try {
    console.error(`Snapshot sync vs COPY of ${rows.toLocaleString("en-US")} rows (in-process PGlite)…`);
    return {
      benchmark: "snapshot-sync-vs-copy",
      target: "in-process PGlite",
      ...(await benchSnapshotVsCopy({ rows, pglite })),
    };
  } finally {
    await pglite.close();
  }
}

/** Governance Writer p50/p99 beside its floor (silver MERGE ║ Lakebase upsert), one and several callers. */
async function governedWrites(env: Record<string, string>, writes: number) {
  const db = await createPool({ env, applicationName: "appbase-bench" });
  try {
    await applyMigrations(db.pool, governanceMigrations);
    const result = await benchGovernanceWriter({ writes, pool: db.pool, onStep: console.error });
    const limit = 1.5;
    const goals = (["sequential", "concurrent"] as const).flatMap((mode) =>
      (["p50", "p99"] as const).map((q) => ({
        name: `governed write ${q} ≤ ${limit}× its floor (${mode === "sequential" ? "one caller" : `${result.concurrent.concurrency} callers`})`,
        value: result[mode].ratio[q],
        limit: `${limit}`,
        met: result[mode].ratio[q] <= limit,
      })),
    );
    return { benchmark: "governance-writer-vs-floor", target: db.describe(), ...result, goals };
  } finally {
    await db.close();
  }
}
