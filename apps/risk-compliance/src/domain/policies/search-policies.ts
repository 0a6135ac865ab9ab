import { type TransactionalDb as Database, inTransaction } from "@appbase/db";
import type { Embedder } from "./embedder.ts";
import { hybridSearch } from "./hybrid-search.ts";

export interface PolicyFilters {
  category?: string;
  /** A region: its own policies and the global ones. */
  jurisdiction?: string;
  /** Only versions in effect on this day (YYYY-MM-DD). */
  effectiveOn?: string;
  /** Only each policy's current version (default true). */
  currentOnly?: boolean;
}

/** A policy relevant to a text, cited by id, version and section, with its best passage highlighted. */
export interface PolicyHit {
  policyId: string;
  version: string;
  title: string;
  section: string;
  passage: string;
  score: number;
  /** How it was found: by vector similarity, by words, or both. */
  matchedBy: ("vector" | "text")[];
  /** What ranked the vector side; `lexical` says it matched words, not meaning. */
  embedder: { label: string; lexical: boolean };
}

/**
 * The filters as SQL on chunk alias `c` (parameters $4–$7). Bound values fold into constants when
 * planned, so `category = 'aml'` with current versions proves the predicate of that category's
 * partial HNSW index (migration 0005) and the scan walks that category's graph alone.
 */
export function policyFilter(f: PolicyFilters): { sql: string; params: unknown[] } {
  return {
    sql: `($4::text is null or c.category = $4) and ($5::text is null or c.jurisdiction in ($5, 'global'))
      and ($6::date is null or c.effective_date <= $6) and (not $7::boolean or c.is_current)`,
    params: [f.category ?? null, f.jurisdiction ?? null, f.effectiveOn ?? null, f.currentOnly ?? true],
  };
}

/** The policies most relevant to `text` (best passage per policy version), hybrid vector + full-text. */
export async function searchPolicies(
  db: Database,
  embedder: Embedder,
  input: { text: string; filters?: PolicyFilters; limit?: number },
): Promise<PolicyHit[]> {
  const [embedding] = await embedder.embed([input.text]);
  const limit = input.limit ?? 5;
  const hits = await inTransaction(db, (tx) =>
    hybridSearch(tx, {
      table: "policy_chunk",
      columns: ["policy_id", "version", "title", "section"],
      filter: policyFilter(input.filters ?? {}),
      embedding: embedding ?? [],
      text: input.text,
      limit: limit * 4,
    }),
  );
  const seen = new Set<string>();
  const out: PolicyHit[] = [];
  for (const h of hits) {
    const key = `${h.row.policy_id}@${h.row.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      policyId: String(h.row.policy_id),
      version: String(h.row.version),
      title: String(h.row.title),
      section: String(h.row.section),
      passage: h.passage,
      score: h.score,
      matchedBy: [
        ...(h.vectorRank !== null ? ["vector" as const] : []),
        ...(h.textRank !== null ? ["text" as const] : []),
      ],
      embedder: { label: embedder.label, lexical: embedder.lexical },
    });
    if (out.length === limit) break;
  }
  return out;
}
