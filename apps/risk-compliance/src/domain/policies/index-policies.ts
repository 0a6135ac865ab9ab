import { createHash } from "node:crypto";
import type { Queryable } from "@appbase/db";
import { chunkPolicy } from "./chunk-policy.ts";
import { checkDims, type Embedder, vectorLiteral } from "./embedder.ts";

export interface IndexProgress {
  /** Chunk rows created for versions that had none. */
  chunked: number;
  /** Chunks that took the embedding of an identical passage in another version of the same policy. */
  reused: number;
  /** Chunks sent to the embedder. */
  embedded: number;
  /** Chunks still waiting (non-zero only when stopped by `maxBatches`). */
  remaining: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What the embedder sees for a chunk: the policy title and section give a passage its context. */
export function chunkText(c: { title: string; section: string; content: string }): string {
  return `${c.title}. ${c.section}. ${c.content}`;
}

/**
 * Brings the policy chunks up to date with `embedder`, incrementally and resumably: versions
 * without chunks are chunked; unchanged passages of a new version reuse the older version's
 * embedding; the rest are embedded in batches, each committed on its own, so a stopped run
 * resumes where it left off and re-running when nothing changed does nothing.
 */
export async function indexPolicies(
  db: Queryable,
  embedder: Embedder,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<IndexProgress> {
  const progress: IndexProgress = { chunked: 0, reused: 0, embedded: 0, remaining: 0 };
  const versions = await db.query<{
    policy_id: string;
    version: string;
    title: string;
    category: string;
    jurisdiction: string;
    effective_date: string;
    body: string;
    is_current: boolean;
  }>(
    `select v.policy_id, v.version, v.title, v.category, v.jurisdiction, v.effective_date::text, v.body, v.is_current
     from risk_compliance.policy_version v
     where not exists (select 1 from risk_compliance.policy_chunk c where c.policy_id = v.policy_id and c.version = v.version)`,
  );
  for (const v of versions.rows) {
    const chunks = chunkPolicy(v.body);
    const { rowCount } = await db.query(
      `insert into risk_compliance.policy_chunk
         (policy_id, version, ordinal, title, section, content, content_sha256, category, jurisdiction, effective_date, is_current)
       select $1, $2, o, $3, s, t, h, $4, $5, $6::date, $7
       from unnest($8::int[], $9::text[], $10::text[], $11::text[]) as u(o, s, t, h)
       on conflict do nothing`,
      [
        v.policy_id,
        v.version,
        v.title,
        v.category,
        v.jurisdiction,
        v.effective_date,
        v.is_current,
        chunks.map((c) => c.ordinal),
        chunks.map((c) => c.section),
        chunks.map((c) => c.content),
        chunks.map((c) => sha256(chunkText({ title: v.title, ...c }))),
      ],
    );
    progress.chunked += rowCount ?? 0;
  }
  const reused = await db.query(
    `update risk_compliance.policy_chunk c set embedding = p.embedding, embedder = p.embedder
     from risk_compliance.policy_chunk p
     where (c.embedding is null or c.embedder is distinct from $1) and p.policy_id = c.policy_id and p.id <> c.id
       and p.content_sha256 = c.content_sha256 and p.embedder = $1 and p.embedding is not null`,
    [embedder.id],
  );
  progress.reused = reused.rowCount ?? 0;
  const batchSize = options.batchSize ?? 64;
  for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch++) {
    const { rows } = await db.query<{ id: string; title: string; section: string; content: string }>(
      `select id, title, section, content from risk_compliance.policy_chunk
       where embedding is null or embedder is distinct from $1 order by id limit $2`,
      [embedder.id, batchSize],
    );
    if (rows.length === 0) break;
    const vectors = checkDims(embedder, await embedder.embed(rows.map(chunkText)));
    await db.query(
      `update risk_compliance.policy_chunk c set embedding = u.e::vector, embedder = $1
       from unnest($2::bigint[], $3::text[]) as u(id, e) where c.id = u.id`,
      [embedder.id, rows.map((r) => r.id), vectors.map(vectorLiteral)],
    );
    progress.embedded += rows.length;
  }
  // Fresh statistics after new chunks: the searches read the common words from them (PGlite has no
  // autovacuum; on Lakebase autovacuum would catch up later). Without ownership it is a warning, not an error.
  if (progress.chunked + progress.embedded > 0) await db.query("analyze risk_compliance.policy_chunk");
  const left = await db.query<{ n: number }>(
    "select count(*)::int as n from risk_compliance.policy_chunk where embedding is null or embedder is distinct from $1",
    [embedder.id],
  );
  progress.remaining = left.rows[0]?.n ?? 0;
  return progress;
}
