import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetsMigrations, unnestInsertSql, unnestParams } from "@appbase/datasets";
import { applyMigrations, createPool, type DbPool } from "@appbase/db";
import { freePort, startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import { customers as customersDataset, type Row } from "@appbase/synthetic-data";
import pg from "pg";
import type { Kit } from "../kits.ts";
import { startKit } from "../orchestrator/kit-process.ts";
import { CliError } from "../repo.ts";
import { quantile } from "./stats.ts";

/** Goals of the issue: a list page's median within 3× a static file of the same server, its p99 under 300 ms. */
const GOAL_P50_RATIO = 3;
const GOAL_P99_MS = 300;
const LOAD_BATCH = 5_000;

interface Percentiles {
  p50Ms: number;
  p99Ms: number;
}

export interface PageTiming {
  page: string;
  path: string;
  /** Time to the first body byte (the goal's figure) and to the last byte. */
  ttfb: Percentiles;
  total: Percentiles;
  /** ttfb p50 ÷ the static file's ttfb p50, measured beside it. */
  ratio: number;
  met: boolean;
}

export interface PageTtfbTarget {
  target: string;
  customers: number;
  /** The baseline: a static file of the same build, served by the same server. */
  static: Percentiles & { path: string };
  pages: PageTiming[];
}

export interface PageTtfbResult {
  benchmark: "page-ttfb-vs-static";
  kit: string;
  requestsPerPage: number;
  targets: PageTtfbTarget[];
  goals: Array<{ name: string; met: boolean; value: string; limit: string }>;
}

/**
 * Benchmark: server time to first byte of Customer Hub's list pages (list, keyset next page, search
 * by name / email / id, filters, sort, detail) on a production build (`next start`), beside a
 * static file of the same build and server, with `customers` synthetic customers. Runs on a
 * throwaway local Lakebase and, given `postgresUrl` (a PostgreSQL 15 server), on a throwaway
 * database there. Requests are sequential (latency, not load).
 */
export async function benchPageTtfb(options: {
  kit: Kit;
  customers: number;
  requests: number;
  postgresUrl?: string;
  log: (line: string) => void;
}): Promise<PageTtfbResult> {
  const buildId = join(options.kit.dir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    throw new CliError(
      `${options.kit.id} has no production build; run \`pnpm turbo run build --filter ./apps/${options.kit.id}\` first.`,
    );
  }
  const targets: PageTtfbTarget[] = [];
  targets.push(await onLocalLakebase(options));
  if (options.postgresUrl) targets.push(await onPostgres(options, options.postgresUrl));
  return {
    benchmark: "page-ttfb-vs-static",
    kit: options.kit.id,
    requestsPerPage: options.requests,
    targets,
    goals: targets.flatMap((t) =>
      t.pages.map((p) => ({
        name: `${t.target}, ${t.customers.toLocaleString("en-US")} customers: ${p.page}`,
        met: p.met,
        value: `p50 ${p.ratio.toFixed(1)}× static (${p.ttfb.p50Ms.toFixed(1)} ms), p99 ${p.ttfb.p99Ms.toFixed(1)} ms`,
        limit: `p50 ≤ ${GOAL_P50_RATIO}× static, p99 ≤ ${GOAL_P99_MS} ms`,
      })),
    ),
  };
}

type Options = Parameters<typeof benchPageTtfb>[0];

async function onLocalLakebase(options: Options): Promise<PageTtfbTarget> {
  const stateDir = mkdtempSync(join(tmpdir(), "appbase-page-ttfb-"));
  const status = await startLakebaseProcess({ stateDir, port: await freePort() });
  if (status.state !== "running")
    throw new CliError(`The benchmark's Lakebase did not start; see ${status.logFile}.`);
  try {
    const env = { APPBASE_STATE_DIR: stateDir };
    return await measureTarget(options, "local Lakebase (PGlite)", env, await createPool({ env }));
  } finally {
    await stopLakebaseProcess({ stateDir });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function onPostgres(options: Options, serverUrl: string): Promise<PageTtfbTarget> {
  const database = `appbase_page_ttfb_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    const env = { DATABASE_URL: url.toString() };
    const version = await admin.query<{ server_version: string }>("show server_version");
    const target = `PostgreSQL ${version.rows[0]?.server_version ?? ""}`.trim();
    return await measureTarget(options, target, env, await createPool({ env }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Migrates and loads the database, starts the kit's production server on it and times each page. */
async function measureTarget(
  options: Options,
  target: string,
  env: Record<string, string>,
  db: DbPool,
): Promise<PageTtfbTarget> {
  const { kit, log } = options;
  try {
    await applyMigrations(db.pool, datasetsMigrations);
    await applyMigrations(db.pool, { migrationsFolder: kit.migrationsFolder, owner: kit.schemaName });
    log(`${target}: loading ${options.customers.toLocaleString("en-US")} customers…`);
    await loadCustomers(db, options.customers);
  } finally {
    await db.close();
  }
  const port = await freePort();
  log(`${target}: starting ${kit.id} (next start) on port ${port}…`);
  const running = await startKit({ ...kit, port }, { mode: "prod", env: { ...process.env, ...env } });
  try {
    const pages = await pagesToTime(running.url, kit.dir);
    const time = async (path: string) => {
      for (let i = 0; i < 5; i++) await timeRequest(`${running.url}${path}`); // warm-up
      const samples: Array<{ ttfb: number; total: number }> = [];
      for (let i = 0; i < options.requests; i++) samples.push(await timeRequest(`${running.url}${path}`));
      const ttfb = samples.map((s) => s.ttfb).sort((a, b) => a - b);
      const total = samples.map((s) => s.total).sort((a, b) => a - b);
      return {
        ttfb: { p50Ms: quantile(ttfb, 0.5), p99Ms: quantile(ttfb, 0.99) },
        total: { p50Ms: quantile(total, 0.5), p99Ms: quantile(total, 0.99) },
      };
    };
    const base = (await time(pages.static)).ttfb;
    log(`${target}: static ${pages.static} p50 ${base.p50Ms.toFixed(1)} ms`);
    const timings: PageTiming[] = [];
    for (const [page, path] of Object.entries(pages.lists)) {
      const t = await time(path);
      const ratio = t.ttfb.p50Ms / base.p50Ms;
      const met = ratio <= GOAL_P50_RATIO && t.ttfb.p99Ms <= GOAL_P99_MS;
      timings.push({ page, path, ...t, ratio, met });
      log(
        `${target}: ${page} p50 ${t.ttfb.p50Ms.toFixed(1)} ms (${ratio.toFixed(1)}× static), p99 ${t.ttfb.p99Ms.toFixed(1)} ms`,
      );
    }
    return { target, customers: options.customers, static: { path: pages.static, ...base }, pages: timings };
  } finally {
    await running.stop();
  }
}

/** Synthetic customers through batched unnest INSERTs, then fresh planner statistics. */
async function loadCustomers(db: DbPool, count: number): Promise<void> {
  const sql = unnestInsertSql(customersDataset.domain, customersDataset.name, customersDataset.columns);
  let batch: Row[] = [];
  for (const row of customersDataset.rows({ seed: 42, scale: count })) {
    batch.push(row);
    if (batch.length === LOAD_BATCH) {
      await db.pool.query(sql, unnestParams(customersDataset.columns, batch));
      batch = [];
    }
  }
  if (batch.length > 0) await db.pool.query(sql, unnestParams(customersDataset.columns, batch));
  await db.pool.query("ANALYZE customer.customers");
}

/** The list pages to time (ids and prefixes taken from the loaded rows) and a static file of the build. */
async function pagesToTime(url: string, kitDir: string) {
  const api = await fetch(`${url}/api/customers`);
  if (!api.ok) throw new CliError(`GET /api/customers answered ${api.status}: ${await api.text()}`);
  const body = await api.text();
  const first = JSON.parse(body) as {
    data?: { rows: Array<{ customerId: string; fullName: { value: string } }>; next: string | null };
  };
  const page = first.data;
  const sample = page?.rows[3];
  if (!page?.next || !sample)
    throw new CliError(`GET /api/customers returned no rows to page through: ${body.slice(0, 300)}`);
  const chunks = join(kitDir, ".next", "static", "chunks");
  const file = readdirSync(chunks).find((f) => f.endsWith(".js"));
  if (!file) throw new CliError(`No static chunk in ${chunks} to use as the static baseline.`);
  const namePrefix = sample.fullName.value.slice(0, 4).toLowerCase();
  return {
    static: `/_next/static/chunks/${file}`,
    lists: {
      "list (first page)": "/customers",
      "list (next page, keyset)": `/customers?after=${page.next}`,
      "search by name prefix": `/customers?q=${encodeURIComponent(namePrefix)}`,
      "search by email prefix": `/customers?q=${encodeURIComponent(`${namePrefix}.`)}`,
      "search by id": `/customers?q=${sample.customerId}`,
      "filter segment + region": "/customers?segment=vip&region=emea",
      "sort by name": "/customers?sort=full_name&dir=asc",
      detail: `/customers/${sample.customerId}`,
    },
  };
}

/** One GET: ms to the first body byte and to the end, reading the whole body. */
function timeRequest(url: string): Promise<{ ttfb: number; total: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    const req = request(url, { agent: false }, (res) => {
      res.on("data", () => {
        if (ttfb === 0) ttfb = performance.now() - started;
      });
      res.on("end", () => {
        const total = performance.now() - started;
        if ((res.statusCode ?? 500) >= 400) reject(new CliError(`GET ${url} answered ${res.statusCode}`));
        else resolve({ ttfb: ttfb || total, total });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
