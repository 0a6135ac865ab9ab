import type { Queryable } from "@appbase/db";
import { inTransaction } from "@appbase/db";
import { hasPgvector } from "@appbase/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSyntheticPolicies } from "../../testing/policies.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { chunkPolicy } from "./chunk-policy.ts";
import type { Embedder } from "./embedder.ts";
import { indexEvidence, similarCases } from "./evidence-search.ts";
import {
  COMMON_WORD_SHARE,
  highlightRuns,
  hybridSearch,
  MARK_END,
  MARK_START,
  orQuery,
  queryStems,
} from "./hybrid-search.ts";
import { indexPolicies } from "./index-policies.ts";
import { lexicalEmbedder } from "./lexical-embedder.ts";
import {
  hasRetrieval,
  importSyncedPolicies,
  jurisdictionOf,
  publishPolicyVersion,
} from "./policy-versions.ts";
import { type PolicyFilters, policyFilter, searchPolicies } from "./search-policies.ts";

describe("chunking and highlights (no database)", () => {
  it("splits a policy by section and cites each section by name", () => {
    const chunks = chunkPolicy("Purpose. Why it exists.\n\nScope. Who it covers. Everyone.");
    expect(chunks).toEqual([
      { ordinal: 0, section: "Purpose", content: "Why it exists." },
      { ordinal: 1, section: "Scope", content: "Who it covers. Everyone." },
    ]);
  });

  it("reads the jurisdiction from a variant title", () => {
    expect(jurisdictionOf("Anti-Money Laundering: Correspondent Banking (EMEA 2)")).toBe("EMEA");
    expect(jurisdictionOf("Anti-Money Laundering: Correspondent Banking")).toBe("global");
  });

  it("searches the text's distinct stems as prefixes", () => {
    const stems = queryStems("Structuring below the reporting threshold, reporting");
    expect(stems).toEqual(["structur", "below", "report", "threshold"]);
    expect(orQuery(stems)).toBe("structur:* | below:* | report:* | threshold:*");
    expect(orQuery([])).toBeNull();
  });

  it("splits a passage into highlighted runs", () => {
    expect(highlightRuns(`a ${MARK_START}b${MARK_END} c`)).toEqual([
      { text: "a ", marked: false },
      { text: "b", marked: true },
      { text: " c", marked: false },
    ]);
  });
});

// Vector tests need pgvector: the embedded Lakebase (PGlite) has it, so they ask for it even when
// DATABASE_URL names a server (the Debian PostgreSQL 15 has none; there the retrieval migration
// creates no chunk tables).
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ embedded: true });
  if (!((await hasPgvector(db.pool)) && (await hasRetrieval(db.pool))))
    throw new Error("The embedded Lakebase should have pgvector and the kit's chunk tables.");
  await loadSyntheticPolicies(db.pool);
  await importSyncedPolicies(db.pool);
}, 120_000);
afterAll(() => db?.close());

/** Counts what it embeds, to prove reuse and resumption. */
function countingEmbedder(): Embedder & { calls: number; texts: number } {
  const e = { ...lexicalEmbedder, calls: 0, texts: 0 };
  e.embed = async (texts) => {
    e.calls += 1;
    e.texts += texts.length;
    return lexicalEmbedder.embed(texts);
  };
  return e;
}

describe("policy retrieval on the embedded Lakebase (pgvector)", () => {
  it("indexes resumably, finds the known policy for an alert type, and cites it", async () => {
    const embedder = countingEmbedder();
    const first = await indexPolicies(db.pool, embedder, { batchSize: 8, maxBatches: 2 });
    expect(first.embedded).toBe(16);
    expect(first.remaining).toBeGreaterThan(0);
    const rest = await indexPolicies(db.pool, embedder, { batchSize: 8 });
    expect(rest).toMatchObject({ chunked: 0, embedded: first.remaining, remaining: 0 });
    expect(await indexPolicies(db.pool, embedder)).toEqual({
      chunked: 0,
      reused: 0,
      embedded: 0,
      remaining: 0,
    });

    const hits = await searchPolicies(db.pool, lexicalEmbedder, {
      text: "Structuring below the reporting threshold",
      limit: 3,
    });
    expect(hits.map((h) => h.title)).toContain("Anti-Money Laundering: Structuring and Smurfing Indicators");
    const hit = hits.find((h) => h.title.includes("Structuring"))!;
    expect(hit).toMatchObject({
      policyId: expect.any(String),
      version: expect.any(String),
      section: expect.any(String),
    });
    expect(hit.passage).toContain(MARK_START);
    expect(hit.embedder).toEqual({ label: lexicalEmbedder.label, lexical: true });
  });

  it("ranks text by the words that tell chunks apart; a word in most chunks still highlights", async () => {
    // Indexing analysed the chunks, so the planner's statistics name the words most chunks share.
    const { rows } = await db.pool.query<{ lexeme: string }>(
      `select e.lexeme from pg_stats s,
         unnest(s.most_common_elems::text::text[]) with ordinality as e(lexeme, i)
       where s.schemaname = 'risk_compliance' and s.tablename = 'policy_chunk' and s.attname = 'tsv'
         and s.most_common_elem_freqs[e.i] > $1 order by s.most_common_elem_freqs[e.i] desc`,
      [COMMON_WORD_SHARE],
    );
    const common = rows[0]?.lexeme;
    expect(common, "the synthetic policies share some words across most sections").toBeTruthy();
    // Only common words: no text ranking, so every hit comes from the vector arm, and the word is still marked.
    const onlyCommon = await searchPolicies(db.pool, lexicalEmbedder, { text: common!, limit: 5 });
    expect(onlyCommon.length).toBeGreaterThan(0);
    expect(onlyCommon.every((h) => h.matchedBy.join() === "vector")).toBe(true);
    expect(onlyCommon.some((h) => h.passage.includes(MARK_START))).toBe(true);
    // The same for a word as written, whose stem here is not the lexeme Postgres stores (the query
    // normalizes it as the search does): "customers" is stored as "custom".
    const { rows: written } = await db.pool.query<{ word: string; lexeme: string }>(
      `select distinct w as word, e.lexeme from risk_compliance.policy_chunk c,
         regexp_split_to_table(lower(c.content), '[^a-z]+') as w, pg_stats s,
         unnest(s.most_common_elems::text::text[]) with ordinality as e(lexeme, i)
       where s.schemaname = 'risk_compliance' and s.tablename = 'policy_chunk' and s.attname = 'tsv'
         and s.most_common_elem_freqs[e.i] > $1 and length(w) > 3 and strip(to_tsvector('english', w)) = array_to_tsvector(array[e.lexeme])`,
      [COMMON_WORD_SHARE],
    );
    const surface = written.find((w) => queryStems(w.word)[0] !== w.lexeme);
    expect(surface, "some common word is written differently from its lexeme").toBeTruthy();
    const writtenOnly = await searchPolicies(db.pool, lexicalEmbedder, { text: surface!.word, limit: 5 });
    expect(writtenOnly.every((h) => h.matchedBy.join() === "vector")).toBe(true);
    // A telling word beside it still ranks by text.
    const telling = await searchPolicies(db.pool, lexicalEmbedder, {
      text: `${common} structuring`,
      limit: 5,
    });
    expect(telling.find((h) => h.title.includes("Structuring"))?.matchedBy).toContain("text");
  });

  it("filters by category, jurisdiction, effective date and current version", async () => {
    const kyc = await searchPolicies(db.pool, lexicalEmbedder, {
      text: "structuring threshold",
      filters: { category: "kyc" },
    });
    expect(kyc.length).toBeGreaterThan(0);
    const { rows } = await db.pool.query(
      "select policy_id from risk_compliance.policy_version where category = 'kyc'",
    );
    const kycIds = new Set(rows.map((r) => r.policy_id));
    expect(kyc.every((h) => kycIds.has(h.policyId))).toBe(true);
    // A filter that keeps almost nothing still fills the result from the index (iterative scan).
    const none = await searchPolicies(db.pool, lexicalEmbedder, {
      text: "structuring",
      filters: { effectiveOn: "1990-01-01" },
    });
    expect(none).toEqual([]);
  });

  it("walks the named category's partial HNSW index, and no partial index without a category", async () => {
    // Every category the gold policies use has its partial index (migration 0005).
    const { rows: used } = await db.pool.query<{ category: string }>(
      "select distinct category from risk_compliance.policy_version",
    );
    const categories = used.map((r) => r.category);
    const { rows: defined } = await db.pool.query<{ indexname: string }>(
      "select indexname from pg_indexes where schemaname = 'risk_compliance' and indexname like 'policy\\_chunk\\_%\\_hnsw'",
    );
    expect(defined.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([
        ...categories.map((c) => `policy_chunk_${c}_hnsw`),
        "policy_chunk_embedding_hnsw",
      ]),
    );
    expect(defined).toHaveLength(9);
    const [embedding] = await lexicalEmbedder.embed(["structuring threshold"]);
    // The synthetic set is small enough that a sequential scan would win; without it the planner
    // must still prove the partial index's predicate from the bound filter values.
    // Index scans per HNSW index not yet flushed to the cumulative statistics (read before and after).
    const pendingScans = async (tx: Queryable) => {
      const { rows } = await tx.query<{ name: string; scans: string }>(
        `select c.relname as name, pg_stat_get_xact_numscans(c.oid) as scans
         from pg_index i join pg_class c on c.oid = i.indexrelid
         where i.indrelid = 'risk_compliance.policy_chunk'::regclass and c.relname like '%hnsw'`,
      );
      return new Map(rows.map((r) => [r.name, Number(r.scans)]));
    };
    const scannedIndexes = (filters: PolicyFilters) =>
      inTransaction(db.pool, async (tx) => {
        await tx.query("set local enable_seqscan = off");
        await tx.query("set local enable_bitmapscan = off");
        await tx.query("set local enable_sort = off");
        const before = await pendingScans(tx);
        await hybridSearch(tx, {
          table: "policy_chunk",
          columns: ["policy_id"],
          filter: policyFilter(filters),
          embedding: embedding!,
          text: "structuring threshold",
          limit: 5,
        });
        const after = await pendingScans(tx);
        return [...after]
          .filter(([name, n]) => n > (before.get(name) ?? 0))
          .map(([name]) => name)
          .sort();
      });
    expect(await scannedIndexes({ category: "aml", jurisdiction: "EMEA" })).toEqual([
      "policy_chunk_aml_hnsw",
    ]);
    // Without a category, or with older versions too, no partial index's predicate holds.
    const partial = (names: string[]) => names.filter((n) => n !== "policy_chunk_embedding_hnsw");
    expect(partial(await scannedIndexes({}))).toEqual([]);
    expect(partial(await scannedIndexes({ category: "aml", currentOnly: false }))).toEqual([]);
  });

  it("re-embeds only the changed sections of a new version, and retrieves the new version as current", async () => {
    const { rows } = await db.pool.query(
      "select policy_id, version, body from risk_compliance.policy_version where title = 'Anti-Money Laundering: Structuring and Smurfing Indicators'",
    );
    const old = rows[0];
    const sections = old.body.split("\n\n");
    const newBody = [
      ...sections,
      "Exceptions. Cash deposits split across branches on the same day count as one deposit for smurfing review.",
    ].join("\n\n");
    await publishPolicyVersion(db.pool, {
      policyId: old.policy_id,
      version: "9.0",
      body: newBody,
      effectiveDate: "2026-11-30",
      actor: "olga",
    });
    const embedder = countingEmbedder();
    const progress = await indexPolicies(db.pool, embedder);
    expect(progress).toMatchObject({
      chunked: sections.length + 1,
      reused: sections.length,
      embedded: 1,
      remaining: 0,
    });

    const current = await searchPolicies(db.pool, lexicalEmbedder, {
      text: "cash deposits split across branches smurfing",
      limit: 3,
    });
    expect(current[0]).toMatchObject({ policyId: old.policy_id, version: "9.0", section: "Exceptions" });
    const history = await searchPolicies(db.pool, lexicalEmbedder, {
      text: "structuring smurfing indicators",
      filters: { currentOnly: false },
      limit: 10,
    });
    expect(
      history
        .filter((h) => h.policyId === old.policy_id)
        .map((h) => h.version)
        .sort(),
    ).toEqual([old.version, "9.0"].sort());
  });
});

describe("similar past cases (evidence search)", () => {
  it("finds the other case whose evidence reads alike, not the case itself", async () => {
    const { rows } = await db.pool.query<{ id: string }>(
      `insert into risk_compliance.risk_case (title, risk_level, created_by, updated_by)
       values ('a', 'low', 'x', 'x'), ('b', 'low', 'x', 'x'), ('c', 'low', 'x', 'x') returning id`,
    );
    const [a, b, c] = rows.map((r) => r.id) as [string, string, string];
    const note = (caseId: string, body: string) =>
      db.pool.query(
        `insert into risk_compliance.evidence (case_id, kind, title, body, sha256, added_by) values ($1, 'note', 'Notes', $2, repeat('0', 64), 'x')`,
        [caseId, body],
      );
    await note(a, "Cash deposits just below the threshold at three branches on consecutive days.");
    await note(b, "Deposits below the reporting threshold split across branches over two days.");
    await note(c, "Customer changed the registered address; documents verified.");
    expect(await indexEvidence(db.pool, lexicalEmbedder)).toBe(3);
    expect(await indexEvidence(db.pool, lexicalEmbedder)).toBe(0);
    const similar = await similarCases(db.pool, lexicalEmbedder, {
      text: "Cash deposits below the threshold at several branches",
      excludeCaseId: a,
    });
    expect(similar[0]).toMatchObject({ caseId: b, embedder: { lexical: true } });
    expect(similar.map((s) => s.caseId)).not.toContain(a);
  });
});
