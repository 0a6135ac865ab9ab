import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { datasetsMigrations } from "@appbase/datasets";
import { applyMigrations, createPool, type DbPool } from "@appbase/db";
import { freePort, startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import pg from "pg";
import type { Kit } from "../kits.ts";
import { startKit } from "../orchestrator/kit-process.ts";
import { CliError } from "../repo.ts";
import { quantile } from "./stats.ts";

/** Goals of the issue: a list page's median within 3× a static file of the same server, its p99 under 300 ms. */
const GOAL_P50_RATIO = 3;
const GOAL_P99_MS = 300;

interface Percentiles {
  p50Ms: number;
  p99Ms: number;
}

export interface PageTiming {
  page: string;
  path: string;
  /** Time to the first body byte (the goal's figure) and to the last byte (what a person waits for). */
  ttfb: Percentiles;
  total: Percentiles;
  /** ttfb p50 ÷ the static file's ttfb p50, measured beside it. */
  ratio: number;
  /** whole-page p50 ÷ the static file's whole-response p50. */
  totalRatio: number;
  /** The goal on time to first byte (the figure). */
  met: boolean;
  /** The same goal on the whole page. */
  totalMet: boolean;
}

export interface PageTtfbTarget {
  target: string;
  /** What was loaded, e.g. "1,000,000 alerts (150,000 new, 50,000 claimed, 800,000 closed)". */
  rows: string;
  /** The baseline: a static file of the same build, served by the same server. */
  static: { path: string; ttfb: Percentiles; total: Percentiles };
  /**
   * The kit's shell alone: a path no page has, answered by the not-found page inside the kit's layout
   * (identity, navigation, switchers) with no data. What a list page costs beyond it is its own work.
   */
  shell: { path: string; ttfb: Percentiles; total: Percentiles; ratio: number };
  pages: PageTiming[];
}

export interface PageTtfbResult {
  benchmark: "page-ttfb-vs-static";
  kit: string;
  requestsPerPage: number;
  targets: PageTtfbTarget[];
  goals: Array<{ name: string; met: boolean; value: string; limit: string }>;
}

/** A kit's list pages at scale: how to load their rows, as whom to ask, and which pages to time. */
export interface PageSet {
  /** Local user (the identity switcher's cookie) who may read every page; none: the kit's default. */
  user?: string;
  /** Loads `rows` rows into a migrated database; returns what was loaded, for the result. */
  load(db: DbPool, rows: number, log: (line: string) => void): Promise<string>;
  /** The pages to time by name; ids and cursors read from the running kit or the database. */
  pages(get: (path: string) => Promise<string>, db: DbPool): Promise<Record<string, string>>;
}

/**
 * Benchmark: server time to first byte and whole-page time of a kit's list pages (first page, keyset
 * next page, searches, filters, sorts, detail) on a production build (`next start`), beside a static
 * file of the same build and server, with `rows` rows loaded. Runs on a throwaway local Lakebase
 * and, given `postgresUrl` (a PostgreSQL 15 server), on a throwaway database there. Requests are
 * sequential (latency, not load).
 */
export async function benchPageTtfb(options: {
  kit: Kit;
  set: PageSet;
  rows: number;
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
      t.pages.flatMap((p) => [
        {
          name: `${t.target}, ${t.rows}: ${p.page}, time to first byte`,
          met: p.met,
          value: `p50 ${p.ratio.toFixed(1)}× static (${p.ttfb.p50Ms.toFixed(1)} ms), p99 ${p.ttfb.p99Ms.toFixed(1)} ms`,
          limit: `p50 ≤ ${GOAL_P50_RATIO}× static, p99 ≤ ${GOAL_P99_MS} ms`,
        },
        {
          name: `${t.target}, ${t.rows}: ${p.page}, whole page`,
          met: p.totalMet,
          value: `p50 ${p.totalRatio.toFixed(1)}× static (${p.total.p50Ms.toFixed(1)} ms), p99 ${p.total.p99Ms.toFixed(1)} ms`,
          limit: `p50 ≤ ${GOAL_P50_RATIO}× static, p99 ≤ ${GOAL_P99_MS} ms`,
        },
      ]),
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
  const { kit, log, set } = options;
  let rows: string;
  try {
    await applyMigrations(db.pool, datasetsMigrations);
    await applyMigrations(db.pool, { migrationsFolder: kit.migrationsFolder, owner: kit.schemaName });
    const started = performance.now();
    rows = await set.load(db, options.rows, (line) => log(`${target}: ${line}`));
    log(`${target}: loaded ${rows} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = await freePort();
  log(`${target}: starting ${kit.id} (next start) on port ${port}…`);
  const running = await startKit({ ...kit, port }, { mode: "prod", env: { ...process.env, ...env } });
  const headers: Record<string, string> = set.user ? { cookie: `${LOCAL_IDENTITY_COOKIE}=${set.user}` } : {};
  try {
    const get = async (path: string) => {
      const answer = await fetch(`${running.url}${path}`, { headers });
      const body = await answer.text();
      if (!answer.ok) throw new CliError(`GET ${path} answered ${answer.status}: ${body.slice(0, 300)}`);
      return body;
    };
    const pages = await set.pages(get, db);
    const time = async (path: string, status = 200) => {
      for (let i = 0; i < 5; i++) await timeRequest(`${running.url}${path}`, headers, status); // warm-up
      const samples: Array<{ ttfb: number; total: number }> = [];
      for (let i = 0; i < options.requests; i++)
        samples.push(await timeRequest(`${running.url}${path}`, headers, status));
      const ttfb = samples.map((s) => s.ttfb).sort((a, b) => a - b);
      const total = samples.map((s) => s.total).sort((a, b) => a - b);
      return {
        ttfb: { p50Ms: quantile(ttfb, 0.5), p99Ms: quantile(ttfb, 0.99) },
        total: { p50Ms: quantile(total, 0.5), p99Ms: quantile(total, 0.99) },
      };
    };
    const staticPath = staticFileOf(kit.dir);
    const base = await time(staticPath);
    log(`${target}: static ${staticPath} p50 ${base.ttfb.p50Ms.toFixed(1)} ms`);
    const shellTimes = await time(SHELL_PATH, 404);
    const shell = { path: SHELL_PATH, ...shellTimes, ratio: shellTimes.ttfb.p50Ms / base.ttfb.p50Ms };
    log(
      `${target}: shell (not-found page) p50 ${shell.ttfb.p50Ms.toFixed(1)} ms (${shell.ratio.toFixed(1)}× static)`,
    );
    const timings: PageTiming[] = [];
    for (const [page, path] of Object.entries(pages)) {
      const t = await time(path);
      const ratio = t.ttfb.p50Ms / base.ttfb.p50Ms;
      const totalRatio = t.total.p50Ms / base.total.p50Ms;
      const met = ratio <= GOAL_P50_RATIO && t.ttfb.p99Ms <= GOAL_P99_MS;
      const totalMet = totalRatio <= GOAL_P50_RATIO && t.total.p99Ms <= GOAL_P99_MS;
      timings.push({ page, path, ...t, ratio, totalRatio, met, totalMet });
      log(
        `${target}: ${page} first byte p50 ${t.ttfb.p50Ms.toFixed(1)} ms (${ratio.toFixed(1)}× static), p99 ${t.ttfb.p99Ms.toFixed(1)} ms; whole page p50 ${t.total.p50Ms.toFixed(1)} ms, p99 ${t.total.p99Ms.toFixed(1)} ms`,
      );
    }
    return { target, rows, static: { path: staticPath, ...base }, shell, pages: timings };
  } finally {
    await running.stop();
    await db.close();
  }
}

/** A path no kit serves: its not-found page, rendered in the kit's layout. */
const SHELL_PATH = "/appbase-bench-no-such-page";

/** A static chunk of the kit's production build: the baseline the same server sends without rendering. */
function staticFileOf(kitDir: string): string {
  const chunks = join(kitDir, ".next", "static", "chunks");
  const file = readdirSync(chunks).find((f) => f.endsWith(".js"));
  if (!file) throw new CliError(`No static chunk in ${chunks} to use as the static baseline.`);
  return `/_next/static/chunks/${file}`;
}

/** One GET that must answer `status`: ms to the first body byte and to the end, reading the whole body. */
function timeRequest(
  url: string,
  headers: Record<string, string>,
  status: number,
): Promise<{ ttfb: number; total: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    const req = request(url, { agent: false, headers }, (res) => {
      res.on("data", () => {
        if (ttfb === 0) ttfb = performance.now() - started;
      });
      res.on("end", () => {
        const total = performance.now() - started;
        if (res.statusCode !== status)
          reject(new CliError(`GET ${url} answered ${res.statusCode}, not ${status}`));
        else resolve({ ttfb: ttfb || total, total });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
