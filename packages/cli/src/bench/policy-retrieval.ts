import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { applyMigrations } from "@appbase/db";
import type pg from "pg";
import { z } from "zod";
import { CliError, findRepoRoot } from "../repo.ts";
import { quantile } from "./stats.ts";

export interface PolicyRetrievalOptions {
  pool: pg.Pool;
  chunks: number;
  /** Vector size for the benchmark (the kit stores 1024; 256 keeps load and index build in minutes). */
  dims: number;
  queries: number;
  log: (line: string) => void;
}

interface PolicyFilters {
  category?: string;
  jurisdiction?: string;
  effectiveOn?: string;
  currentOnly?: boolean;
}
type SearchPolicies = (
  db: Pick<pg.Pool, "query" | "connect">,
  embedder: {
    id: string;
    label: string;
    lexical: boolean;
    embed(texts: readonly string[]): Promise<number[][]>;
  },
  input: { text: string; filters?: PolicyFilters; limit?: number },
) => Promise<{ policyId: string }[]>;

/** What the kit's search module gives (apps/risk-compliance/src/domain/policies/search-policies.ts). */
const searchModule = z.object({
  searchPolicies: z.custom<SearchPolicies>((v) => typeof v === "function"),
});

// Packages never import a kit statically; like `appbase risk verify-audit`, the benchmark loads the
// kit's own search by path, so what is measured is the query the alert and case pages run.
async function loadKit(repoRoot: string) {
  const file = join(repoRoot, "apps", "risk-compliance", "src", "domain", "policies", "search-policies.ts");
  const loaded = searchModule.safeParse(await import(pathToFileURL(file).href).catch(() => null));
  if (!loaded.success) throw new CliError(`The Risk & Compliance kit's policy search is missing at ${file}.`);
  return {
    searchPolicies: loaded.data.searchPolicies,
    migrations: {
      migrationsFolder: join(repoRoot, "apps", "risk-compliance", "drizzle"),
      owner: "risk_compliance",
    },
  };
}

const CATEGORIES = ["aml", "kyc", "sanctions", "fraud", "privacy", "conduct", "model_risk", "operational"];
const JURISDICTIONS = ["global", "global", "EMEA", "Americas", "APAC"];
const WORDS =
  "customer transaction threshold report review escalate sanction screening record retain evidence approval risk exposure limit monitor alert investigate document consent breach control".split(
    " ",
  );

/**
 * A long tail of telling words (5,000 made-up terms, two per chunk, so each is in ~40 of 100k chunks),
 * as real policy text has beside the words every passage shares.
 */
const SYLLABLES = "ka lo mi re tu sa ne vi do pa ru ze".split(" ");
const TAIL = Array.from({ length: 5000 }, (_, i) =>
  [i % 12, Math.floor(i / 12) % 12, Math.floor(i / 144) % 12, Math.floor(i / 1728)]
    .map((k) => SYLLABLES[k])
    .join(""),
);

/** mulberry32: a seeded PRNG, so every run benchmarks the same data and queries. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/** A `Database` over one client whose session settings (the exact baseline's) hold for every search. */
function oneClient(client: pg.PoolClient, seen: { sql: string; params: unknown[] }[]) {
  const query = ((sql: string, params?: unknown[]) => {
    seen.push({ sql, params: params ?? [] });
    return client.query(sql, params);
  }) as pg.PoolClient["query"];
  const lease = { query, release: () => undefined } as unknown as pg.PoolClient;
  return { query, connect: async () => lease } as unknown as Pick<pg.Pool, "query" | "connect">;
}

/**
 * Policy retrieval as the Risk & Compliance kit runs it: its migrations build `policy_chunk` and
 * its indexes (the vector column narrowed to `dims`), `chunks` clustered vectors are loaded, and
 * the kit's `searchPolicies` runs with filters on category, jurisdiction, effective date and
 * current version, beside exact search (the same call with index scans disabled) in the same run:
 * recall@10 against exact, and latency of the whole call (its transaction and scan settings
 * included). More phases: the filtered query with query text (hybrid: the full-text arm ranks
 * too and both are fused, as on the alert and case pages) against its own exact run, the same
 * filtered query over the whole graph (the per-category partial indexes dropped, as before
 * migration 0005), and the current-versions-only query against its own exact baseline.
 */
export async function benchPolicyRetrieval(o: PolicyRetrievalOptions) {
  const kit = await loadKit(findRepoRoot());
  const rand = prng(20261206);
  const centers = Array.from({ length: 256 }, () => unit(Array.from({ length: o.dims }, () => rand() - 0.5)));
  const near = (c: number[], spread: number) => unit(c.map((x) => x + (rand() - 0.5) * spread));

  await applyMigrations(o.pool, kit.migrations);
  const table = "risk_compliance.policy_chunk";
  const { rows: exists } = await o.pool.query("select to_regclass($1) as t", [table]);
  if (!exists[0]?.t)
    throw new CliError("The kit's retrieval migration created no policy_chunk (pgvector missing?).");
  // Build the kit's indexes after loading (an HNSW build is far faster than row-by-row inserts).
  const { rows: indexes } = await o.pool.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
     where schemaname = 'risk_compliance' and tablename = 'policy_chunk'
       and indexname not in (select conname from pg_constraint where conrelid = $1::regclass)`,
    [table],
  );
  for (const ix of indexes) await o.pool.query(`drop index risk_compliance.${ix.name}`);
  await o.pool.query(`alter table ${table} alter column embedding type vector(${o.dims})`);

  const loadStarted = performance.now();
  const batch = 1000;
  for (let start = 0; start < o.chunks; start += batch) {
    const ids: string[] = [],
      contents: string[] = [],
      cats: string[] = [],
      jurs: string[] = [],
      dates: string[] = [],
      current: boolean[] = [],
      vecs: string[] = [];
    for (let i = start; i < Math.min(o.chunks, start + batch); i++) {
      ids.push(`BENCH-${i}`);
      contents.push(
        [
          ...Array.from({ length: 24 }, () => WORDS[Math.floor(rand() * WORDS.length)]),
          TAIL[Math.floor(rand() * TAIL.length)],
          TAIL[Math.floor(rand() * TAIL.length)],
        ].join(" "),
      );
      cats.push(CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!);
      jurs.push(JURISDICTIONS[Math.floor(rand() * JURISDICTIONS.length)]!);
      dates.push(
        new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 1000) * 86_400_000).toISOString().slice(0, 10),
      );
      current.push(rand() < 0.75);
      vecs.push(
        `[${near(centers[Math.floor(rand() * centers.length)]!, 0.08)
          .map((x) => x.toFixed(5))
          .join(",")}]`,
      );
    }
    await o.pool.query(
      `insert into ${table} (policy_id, version, ordinal, title, section, content, content_sha256, category,
         jurisdiction, effective_date, is_current, embedding, embedder)
       select id, '1.0', 0, 'Benchmark policy ' || id, 'Requirements', content, md5(content), category,
         jurisdiction, effective_date, is_current, embedding, 'bench'
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::boolean[], $7::vector[])
         as t(id, content, category, jurisdiction, effective_date, is_current, embedding)`,
      [ids, contents, cats, jurs, dates, current, vecs],
    );
  }
  o.log(
    `  loaded ${o.chunks} chunks in ${Math.round(performance.now() - loadStarted)} ms; building the kit's indexes…`,
  );
  await o.pool.query("set maintenance_work_mem = '256MB'");
  const buildMs: Record<string, number> = {};
  for (const ix of indexes) {
    const started = performance.now();
    await o.pool.query(ix.def);
    buildMs[ix.name] = Math.round(performance.now() - started);
    o.log(`  ${ix.name}: ${buildMs[ix.name]} ms`);
  }
  await o.pool.query(`analyze ${table}`);

  const queries = Array.from({ length: o.queries }, (_, q) => ({
    vector: near(centers[Math.floor(rand() * centers.length)]!, 0.08),
    // Words as an alert's rule name gives them, for the hybrid phases (vector + full-text, fused):
    // three that most chunks share and one telling word from the tail.
    text: [
      ...Array.from({ length: 3 }, () => WORDS[Math.floor(rand() * WORDS.length)]),
      TAIL[Math.floor(rand() * TAIL.length)],
    ].join(" "),
    filters: {
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
      jurisdiction: ["EMEA", "Americas", "APAC"][q % 3],
      effectiveOn: "2026-06-30",
    } satisfies PolicyFilters,
  }));
  const client = await o.pool.connect();
  const seen: { sql: string; params: unknown[] }[] = [];
  const db = oneClient(client, seen);
  const search = async (vector: number[], filters: PolicyFilters, text: string) => {
    const embedder = { id: "bench", label: "benchmark vectors", lexical: false, embed: async () => [vector] };
    seen.length = 0;
    const t0 = performance.now();
    const hits = await kit.searchPolicies(db, embedder, { text, filters, limit: 10 });
    return { ids: hits.map((h) => h.policyId), ms: performance.now() - t0 };
  };
  // The HNSW indexes the planner chose for the last search (EXPLAIN of the query it sent, with its settings).
  const indexesUsed = async () => {
    const main = seen.findIndex((q) => /^\s*with v as/.test(q.sql));
    const settings = seen.slice(0, main).filter((q) => /set_config|^set local/.test(q.sql));
    await client.query("begin");
    try {
      for (const s of settings) await client.query(s.sql, s.params);
      const { rows } = await client.query(`explain ${seen[main]!.sql}`, seen[main]!.params);
      const plan = rows.map((r) => String(r["QUERY PLAN"])).join("\n");
      return [...new Set([...plan.matchAll(/Index Scan using (\w+)/g)].map((m) => m[1]!))].filter((n) =>
        n.endsWith("_hnsw"),
      );
    } finally {
      await client.query("rollback");
    }
  };
  // Each phase runs after a few unmeasured warm-up searches (a serving process is warm).
  const WARMUP = Math.min(20, o.queries);
  const phase = async (filtered: boolean, withText = false) => {
    const run = (q: (typeof queries)[number]) =>
      search(q.vector, filtered ? q.filters : {}, withText ? q.text : "");
    for (const q of queries.slice(0, WARMUP)) await run(q);
    const results = [];
    for (const q of queries) results.push(await run(q));
    return { results, hnswIndexes: await indexesUsed() };
  };
  const exactPhase = async (filtered: boolean, withText = false) => {
    await client.query("set enable_indexscan = off");
    try {
      return await phase(filtered, withText);
    } finally {
      await client.query("reset enable_indexscan");
    }
  };
  let phases: Record<string, Awaited<ReturnType<typeof phase>>>;
  try {
    o.log(
      `  ${o.queries} filtered searches: exact, the kit's indexes, both with query text, the whole graph; then current-only…`,
    );
    const exact = await exactPhase(true);
    const kitIndexes = await phase(true);
    const exactHybrid = await exactPhase(true, true);
    const kitHybrid = await phase(true, true);
    for (const ix of indexes.filter(
      (i) => /^policy_chunk_\w+_hnsw$/.test(i.name) && i.name !== "policy_chunk_embedding_hnsw",
    ))
      await client.query(`drop index risk_compliance.${ix.name}`);
    const wholeGraph = await phase(true);
    const exactCurrentOnly = await exactPhase(false);
    const currentOnly = await phase(false);
    phases = { exact, kitIndexes, exactHybrid, kitHybrid, wholeGraph, exactCurrentOnly, currentOnly };
  } finally {
    client.release();
  }

  const summary = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 100) / 100;
    return {
      p50Ms: r(quantile(sorted, 0.5)),
      p99Ms: r(quantile(sorted, 0.99)),
      meanMs: r(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    };
  };
  const judge = (p: (typeof phases)[string], exact: (typeof phases)[string]) => {
    let found = 0,
      expected = 0,
      short = 0;
    p.results.forEach((r, i) => {
      const truth = new Set(exact.results[i]!.ids);
      found += r.ids.filter((id) => truth.has(id)).length;
      expected += truth.size;
      if (r.ids.length < truth.size) short += 1;
    });
    return {
      hnswIndexes: p.hnswIndexes,
      recallAt10: expected === 0 ? 1 : Math.round((found / expected) * 1000) / 1000,
      queriesReturningFewerThanExact: short,
      ...summary(p.results.map((r) => r.ms)),
    };
  };
  const exactSummary = (p: (typeof phases)[string]) => ({
    hnswIndexes: p.hnswIndexes,
    ...summary(p.results.map((r) => r.ms)),
  });
  const kitResult = judge(phases.kitIndexes!, phases.exact!);
  return {
    benchmark: "policy-retrieval-kit-search-vs-exact",
    chunks: o.chunks,
    dims: o.dims,
    queries: o.queries,
    warmupQueriesPerPhase: WARMUP,
    measured:
      "the kit's searchPolicies call (transaction, scan settings, hybrid query); without query text the vector arm ranks alone, with it (filteredWithText) both arms rank and are fused",
    queryText:
      "hybrid phases: 3 words found in ~70% of chunks (left out of the text ranking as common) + 1 of a 5,000-word tail (~40 chunks)",
    filter:
      "category (1 of 8) + jurisdiction (own region or global) + effective on 2026-06-30 + current version (~5% of rows)",
    indexBuildMs: buildMs,
    filtered: {
      exact: exactSummary(phases.exact!),
      kit: kitResult,
      wholeGraphWithoutCategoryIndexes: judge(phases.wholeGraph!, phases.exact!),
    },
    filteredWithText: {
      exact: exactSummary(phases.exactHybrid!),
      kit: judge(phases.kitHybrid!, phases.exactHybrid!),
    },
    currentOnly: {
      exact: exactSummary(phases.exactCurrentOnly!),
      kit: judge(phases.currentOnly!, phases.exactCurrentOnly!),
    },
    targets: { recallAt10: 0.95, p99Ms: 20, met: kitResult.recallAt10 >= 0.95 && kitResult.p99Ms <= 20 },
  };
}
