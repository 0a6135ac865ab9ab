import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
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
  /** Time to the first body byte (the goal's figure) and to the last byte (what a person waits for). */
  ttfb: Percentiles;
  total: Percentiles;
  /** ttfb p50 ÷ the static file's ttfb p50, measured beside it. */
  ratio: number;
  /** whole-page p50 ÷ the static file's whole-response p50. */
  totalRatio: number;
  /** The goal on time to first byte (the issue's figure). */
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
    const time = async (path: string) => {
      for (let i = 0; i < 5; i++) await timeRequest(`${running.url}${path}`, headers); // warm-up
      const samples: Array<{ ttfb: number; total: number }> = [];
      for (let i = 0; i < options.requests; i++)
        samples.push(await timeRequest(`${running.url}${path}`, headers));
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
    return { target, rows, static: { path: staticPath, ...base }, pages: timings };
  } finally {
    await running.stop();
    await db.close();
  }
}

/** A static chunk of the kit's production build: the baseline the same server sends without rendering. */
function staticFileOf(kitDir: string): string {
  const chunks = join(kitDir, ".next", "static", "chunks");
  const file = readdirSync(chunks).find((f) => f.endsWith(".js"));
  if (!file) throw new CliError(`No static chunk in ${chunks} to use as the static baseline.`);
  return `/_next/static/chunks/${file}`;
}

/** Runs `sql` (with $1 = first row, $2 = last row) over 1..rows in batches, logging progress. */
async function loadInBatches(
  db: DbPool,
  rows: number,
  sql: string,
  log: (line: string) => void,
  batch = 100_000,
): Promise<void> {
  for (let first = 1; first <= rows; first += batch) {
    const last = Math.min(rows, first + batch - 1);
    await db.pool.query(sql, [first, last]);
    log(`${last.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} rows`);
  }
}

const count = (n: number) => n.toLocaleString("en-US");

/** Customer Hub: synthetic customers; list, keyset next page, name / email / id search, filter, sort, detail. */
export const CUSTOMER_PAGES: PageSet = {
  async load(db, rows) {
    await loadCustomers(db, rows);
    return `${count(rows)} customers`;
  },
  async pages(get) {
    const body = await get("/api/customers");
    const first = JSON.parse(body) as {
      data?: { rows: Array<{ customerId: string; fullName: { value: string } }>; next: string | null };
    };
    const page = first.data;
    const sample = page?.rows[3];
    if (!page?.next || !sample)
      throw new CliError(`GET /api/customers returned no rows to page through: ${body.slice(0, 300)}`);
    const namePrefix = sample.fullName.value.slice(0, 4).toLowerCase();
    return {
      "list (first page)": "/customers",
      "list (next page, keyset)": `/customers?after=${page.next}`,
      "search by name prefix": `/customers?q=${encodeURIComponent(namePrefix)}`,
      "search by email prefix": `/customers?q=${encodeURIComponent(`${namePrefix}.`)}`,
      "search by id": `/customers?q=${sample.customerId}`,
      "filter segment + region": "/customers?segment=vip&region=emea",
      "sort by name": "/customers?sort=full_name&dir=asc",
      detail: `/customers/${sample.customerId}`,
    };
  },
};

/** The `after` cursor of a rendered list page's "Next page" link. */
export function nextCursorIn(html: string, path: string): string {
  const token = /href="[^"]*[?;&]after=([A-Za-z0-9_-]+)[^"]*" aria-label="Next page"/.exec(html)?.[1];
  if (!token) throw new CliError(`${path} shows no next page to time.`);
  return token;
}

const ANALYSTS = ["ana.analyst@example.com", "ben.analyst@example.com", "sara.lead@example.com"];

/**
 * Risk & Compliance: `rows` alerts over a year (15% new, 5% claimed by three analysts, 80% dismissed);
 * the queue's open view, its next page, the claimant's own, breached, closed, and an alert's page.
 */
export const ALERT_PAGES: PageSet = {
  user: "ana",
  async load(db, rows, log) {
    await loadInBatches(
      db,
      rows,
      `insert into risk_compliance.alert
         (dedup_key, source_alert_id, entity_id, rule_id, rule_name, severity, priority, score, status,
          claimed_by, claimed_at, lease_expires_at, due_at, created_at, last_seen_at, updated_at,
          closed_at, closed_by, resolution)
       select 'bench:' || i, 'A' || lpad(i::text, 7, '0'), 'E' || lpad((i % 250000)::text, 7, '0'),
              'TM-' || lpad((i % 12)::text, 3, '0'), 'Monitoring rule ' || (i % 12),
              (array['critical','high','medium','low'])[1 + i % 4], 1 + i % 4, (i % 100) / 100.0,
              case when i % 20 < 3 then 'new' when i % 20 = 3 then 'claimed' else 'dismissed' end,
              case when i % 20 = 3 then (array[${ANALYSTS.map((a) => `'${a}'`).join(",")}])[1 + i % 3] end,
              case when i % 20 = 3 then created end,
              case when i % 20 = 3 then now() + interval '15 minutes' end,
              created + (array[4, 24, 72, 168])[1 + i % 4] * interval '1 hour', created, created, created,
              case when i % 20 > 3 then created + (i % 48) * interval '1 hour' end,
              case when i % 20 > 3 then 'ben.analyst@example.com' end,
              case when i % 20 > 3 then 'benign' end
         from generate_series($1::int, $2::int) i,
              lateral (select now() - (i % 525600) * interval '1 minute' as created) c`,
      log,
    );
    await db.pool.query("analyze risk_compliance.alert");
    return `${count(rows)} alerts (${count(Math.round(rows * 0.15))} new, ${count(Math.round(rows * 0.05))} claimed, ${count(Math.round(rows * 0.8))} dismissed)`;
  },
  async pages(get, db) {
    const next = nextCursorIn(await get("/alerts"), "/alerts");
    const { rows } = await db.pool.query<{ id: string }>(
      "select id::text as id from risk_compliance.alert where status = 'new' order by priority, due_at limit 1",
    );
    return {
      "queue, open (first page)": "/alerts",
      "queue, open (next page, keyset)": `/alerts?after=${next}`,
      "claimed by me": "/alerts?view=mine",
      breached: "/alerts?view=breached",
      closed: "/alerts?view=closed",
      "alert detail": `/alerts/${rows[0]?.id}`,
    };
  },
};

/**
 * Operations Portal: 50 sites, `rows` assets and as many work orders (one per asset; 60% complete,
 * the rest open, in progress or on hold); the list, its next page, backlog, a site, breached, detail.
 */
export const WORK_ORDER_PAGES: PageSet = {
  user: "pia",
  async load(db, rows, log) {
    await db.pool.query(
      `insert into operations.sites (site_id, name, site_type, city, country_code, region, timezone, commissioned_on)
       select 'S' || lpad(i::text, 4, '0'), 'Site ' || i, 'plant', 'City ' || i, 'DE', 'emea', 'Europe/Berlin', date '2010-01-01'
         from generate_series(1, 50) i`,
    );
    log("assets");
    await loadInBatches(
      db,
      rows,
      `insert into operations.assets (asset_id, site_id, asset_type, tag, manufacturer, model, install_date, criticality, status)
       select 'AS' || lpad(i::text, 6, '0'), 'S' || lpad((1 + i % 50)::text, 4, '0'),
              (array['pump','compressor','motor','conveyor'])[1 + i % 4], 'TAG-' || i, 'Maker ' || (i % 7),
              'M-' || (i % 31), date '2015-01-01' + (i % 3000), (array['high','medium','low'])[1 + i % 3], 'running'
         from generate_series($1::int, $2::int) i`,
      log,
    );
    log("work orders");
    await loadInBatches(
      db,
      rows,
      `insert into operations_portal.work_order
         (asset_id, site_id, title, kind, priority, status, assignee_id, hold_reason, opened_at,
          response_due_at, completion_due_at, completed_at, created_by, updated_by, updated_at)
       select 'AS' || lpad(i::text, 6, '0'), 'S' || lpad((1 + i % 50)::text, 4, '0'), 'Inspect asset ' || i,
              (array['reactive','preventive'])[1 + i % 2], (array['low','medium','high','urgent'])[1 + i % 4],
              st, case when i % 3 > 0 then (array['tom','tina'])[1 + i % 2] end,
              case when st = 'on_hold' then 'waiting for parts' end,
              opened, opened + interval '4 hours', opened + interval '72 hours',
              case when st = 'complete' then opened + interval '48 hours' end,
              'pia.planner@example.com', 'pia.planner@example.com', opened
         from generate_series($1::int, $2::int) i,
              lateral (select now() - (i % 525600) * interval '1 minute' as opened,
                              (array['complete','complete','complete','open','in_progress','on_hold'])[1 + i % 6] as st) w`,
      log,
    );
    await db.pool.query("analyze operations.assets");
    await db.pool.query("analyze operations_portal.work_order");
    return `${count(rows)} assets and ${count(rows)} work orders (half complete)`;
  },
  async pages(get, db) {
    const next = nextCursorIn(await get("/work-orders"), "/work-orders");
    const { rows } = await db.pool.query<{ id: string }>(
      "select id::text as id from operations_portal.work_order where status = 'open' order by completion_due_at limit 1",
    );
    return {
      "list (first page)": "/work-orders",
      "list (next page, keyset)": `/work-orders?after=${next}`,
      backlog: "/work-orders?status=backlog",
      "one site": "/work-orders?site=S0007",
      "breached or late": "/work-orders?target=breached",
      "work order detail": `/work-orders/${rows[0]?.id}`,
    };
  },
};

/** The page sets by kit id. */
export const PAGE_SETS: Record<string, PageSet> = {
  "customer-hub": CUSTOMER_PAGES,
  "risk-compliance": ALERT_PAGES,
  "operations-portal": WORK_ORDER_PAGES,
};

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

/** One GET: ms to the first body byte and to the end, reading the whole body. */
function timeRequest(url: string, headers: Record<string, string>): Promise<{ ttfb: number; total: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    const req = request(url, { agent: false, headers }, (res) => {
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
