import type { Queryable } from "@appbase/db";
import { type TransactionalDb as Database, inTransaction } from "@appbase/db";
import { checkDims, type Embedder, vectorLiteral } from "./embedder.ts";
import { hybridSearch } from "./hybrid-search.ts";

const MAX_CHARS = 1200;

/** Splits evidence text into passages of whole sentences, at most MAX_CHARS each. */
export function evidencePassages(title: string, body: string): string[] {
  const sentences = `${title}. ${body}`.match(/[^.!?]+[.!?]+(\s+|$)|[^.!?]+$/g) ?? [];
  const out: string[] = [];
  let current = "";
  for (const s of sentences) {
    if (current && current.length + s.length > MAX_CHARS) {
      out.push(current.trim());
      current = "";
    }
    current += s;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * Chunks and embeds the evidence that has no chunks yet (notes and links; their text), in batches
 * each committed on its own: incremental and resumable like the policy index.
 */
export async function indexEvidence(
  db: Queryable,
  embedder: Embedder,
  options: { batchSize?: number } = {},
): Promise<number> {
  const { rows: pending } = await db.query<{ id: string; case_id: string; title: string; body: string }>(
    `select e.id, e.case_id, e.title, e.body from risk_compliance.evidence e
     where not exists (select 1 from risk_compliance.evidence_chunk c where c.evidence_id = e.id)`,
  );
  for (const e of pending) {
    const passages = evidencePassages(e.title, e.body);
    await db.query(
      `insert into risk_compliance.evidence_chunk (evidence_id, case_id, ordinal, content)
       select $1, $2, o, t from unnest($3::int[], $4::text[]) as u(o, t) on conflict do nothing`,
      [e.id, e.case_id, passages.map((_, i) => i), passages],
    );
  }
  let embedded = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string; content: string }>(
      `select id, content from risk_compliance.evidence_chunk
       where embedding is null or embedder is distinct from $1 order by id limit $2`,
      [embedder.id, options.batchSize ?? 64],
    );
    if (rows.length === 0) return embedded;
    const vectors = checkDims(embedder, await embedder.embed(rows.map((r) => r.content)));
    await db.query(
      `update risk_compliance.evidence_chunk c set embedding = u.e::vector, embedder = $1
       from unnest($2::bigint[], $3::text[]) as u(id, e) where c.id = u.id`,
      [embedder.id, rows.map((r) => r.id), vectors.map(vectorLiteral)],
    );
    embedded += rows.length;
  }
}

export interface SimilarCase {
  caseId: string;
  caseNumber: number;
  title: string;
  status: string;
  disposition: string | null;
  passage: string;
  embedder: { label: string; lexical: boolean };
}

/** Other cases whose evidence reads like `text` ("similar past cases"), best passage each. */
export async function similarCases(
  db: Database,
  embedder: Embedder,
  input: { text: string; excludeCaseId?: string; limit?: number },
): Promise<SimilarCase[]> {
  const [embedding] = await embedder.embed([input.text]);
  const limit = input.limit ?? 3;
  const hits = await inTransaction(db, (tx) =>
    hybridSearch(tx, {
      table: "evidence_chunk",
      columns: ["case_id"],
      filter: { sql: "($4::uuid is null or c.case_id <> $4)", params: [input.excludeCaseId ?? null] },
      embedding: embedding ?? [],
      text: input.text,
      limit: limit * 4,
    }),
  );
  const best = new Map<string, string>();
  for (const h of hits) if (!best.has(String(h.row.case_id))) best.set(String(h.row.case_id), h.passage);
  const ids = [...best.keys()].slice(0, limit);
  if (ids.length === 0) return [];
  const { rows } = await db.query<{
    id: string;
    number: number;
    title: string;
    status: string;
    disposition: string | null;
  }>(
    "select id, number, title, status, disposition from risk_compliance.risk_case where id = any($1::uuid[])",
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    return c
      ? [
          {
            caseId: id,
            caseNumber: c.number,
            title: c.title,
            status: c.status,
            disposition: c.disposition,
            passage: best.get(id)!,
            embedder: { label: embedder.label, lexical: embedder.lexical },
          },
        ]
      : [];
  });
}
