import type { Queryable } from "@appbase/db";
import { vectorLiteral } from "./embedder.ts";
import { terms } from "./lexical-embedder.ts";

/** Marks around matched words in a passage (rendered as highlights; never HTML). */
export const MARK_START = "\u27e6";
export const MARK_END = "\u27e7";

/** Reciprocal rank fusion constant: 60, as in Cormack et al.; it damps the weight of top ranks. */
const RRF_K = 60;

export interface HybridQuery {
  table: "policy_chunk" | "evidence_chunk";
  /** Extra columns of the chunk to return (trusted names, written here in the kit). */
  columns: readonly string[];
  /** A filter on alias `c`, using parameters from $4 on. */
  filter: { sql: string; params: unknown[] };
  embedding: readonly number[];
  text: string;
  /** Candidates taken from each ranking before fusion. */
  candidates?: number;
  limit: number;
}

export interface HybridHit {
  row: Record<string, unknown>;
  score: number;
  vectorRank: number | null;
  textRank: number | null;
  passage: string;
}

/**
 * A word found in more than this share of a table's chunks says next to nothing about relevance
 * (inverse document frequency gives it almost no weight), yet an OR query holding it makes the
 * full-text arm rank most of the table. Such words are left out of the ranking query (they are still
 * highlighted). The shares come from the planner's statistics of the `tsv` column, so there is
 * nothing to maintain: before the first ANALYZE there are none and every word ranks.
 */
export const COMMON_WORD_SHARE = 0.2;

/** The text's distinct word stems, at most 32 (what the text arm searches as prefixes). */
export function queryStems(text: string): string[] {
  return [...new Set(terms(text))].slice(0, 32);
}

/** An OR query of word stems (prefix matches), or null when there are none. */
export function orQuery(stems: readonly string[]): string | null {
  return stems.length ? stems.map((s) => `${s}:*`).join(" | ") : null;
}

/**
 * Which of `stems` tell chunks apart: those whose prefix query (normalized as the search normalizes
 * it, `to_tsquery('english', …)`) matches none of the lexemes found in more than
 * COMMON_WORD_SHARE of the table's chunks, from `pg_stats`. Also sets the scan settings, local to
 * the transaction like SET LOCAL, so it is one round trip.
 */
async function tellingStems(
  tx: Queryable,
  q: { table: HybridQuery["table"]; candidates: number },
  stems: readonly string[],
): Promise<string[]> {
  const { rows } = await tx.query<{ telling: string[] | null }>(
    `select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', $1, true),
       (select array_agg(w.stem order by w.ord) from unnest($2::text[]) with ordinality as w(stem, ord)
        where not exists (
          select 1 from pg_stats s,
            unnest(s.most_common_elems::text::text[]) with ordinality as e(lexeme, i)
          where s.schemaname = 'risk_compliance' and s.tablename = $3 and s.attname = 'tsv'
            and s.most_common_elem_freqs[e.i] > $4
            and array_to_tsvector(array[e.lexeme]) @@ to_tsquery('english', w.stem || ':*'))) as telling`,
    [String(Math.max(40, q.candidates)), stems, q.table, COMMON_WORD_SHARE],
  );
  return rows[0]?.telling ?? [];
}

export async function hybridSearch(tx: Queryable, q: HybridQuery): Promise<HybridHit[]> {
  const candidates = q.candidates ?? 40;
  const stems = queryStems(q.text);
  const ranking = orQuery(await tellingStems(tx, { table: q.table, candidates }, stems));
  const highlight = orQuery(stems);
  const headline = `$${4 + q.filter.params.length}`;
  const cols = q.columns.map((c) => `c.${c}`).join(", ");
  const { rows } = await tx.query(
    `with v as (
       select id, row_number() over (order by d) as r from (
         select c.id, c.embedding <=> $1::vector as d from risk_compliance.${q.table} c
         where c.embedding is not null and ${q.filter.sql}
         order by c.embedding <=> $1::vector limit $3) s),
     x as (
       select id, row_number() over (order by rank desc, id) as r from (
         select c.id, ts_rank_cd(c.tsv, to_tsquery('english', $2)) as rank from risk_compliance.${q.table} c
         where $2::text is not null and c.tsv @@ to_tsquery('english', $2) and ${q.filter.sql}
         order by rank desc limit $3) s)
     select ${cols}, v.r::int as vector_rank, x.r::int as text_rank,
       coalesce(1.0 / (${RRF_K} + v.r), 0) + coalesce(1.0 / (${RRF_K} + x.r), 0) as score,
       ts_headline('english', c.content, coalesce(to_tsquery('english', ${headline}::text), ''::tsquery),
         'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') as passage
     from (select id from v union select id from x) ids
     join risk_compliance.${q.table} c using (id)
     left join v using (id) left join x using (id)
     order by score desc, c.id limit ${Math.max(1, Math.floor(q.limit))}`,
    [vectorLiteral(q.embedding), ranking, candidates, ...q.filter.params, highlight],
  );
  return rows.map((r) => {
    const { vector_rank, text_rank, score, passage, ...row } = r;
    return {
      row,
      score: Number(score),
      vectorRank: vector_rank ?? null,
      textRank: text_rank ?? null,
      passage: String(passage),
    };
  });
}

/** Splits a passage into plain and highlighted runs for rendering. */
export function highlightRuns(passage: string): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g");
  let last = 0;
  for (const m of passage.matchAll(re)) {
    if (m.index > last) runs.push({ text: passage.slice(last, m.index), marked: false });
    runs.push({ text: m[1]!, marked: true });
    last = m.index + m[0].length;
  }
  if (last < passage.length) runs.push({ text: passage.slice(last), marked: false });
  return runs;
}
