import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/create-test-database.ts";
import { hasPgvector } from "../testing/pgvector.ts";

/** Deterministic 8-d points: no randomness, so a failure reproduces. */
function point(i: number): number[] {
  return Array.from({ length: 8 }, (_, d) => Math.sin(i * 12.9898 + d * 78.233) * 10);
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((value, d) => value - b[d]!));
const literal = (v: number[]) => `[${v.join(",")}]`;

describe("pgvector on the embedded Lakebase", () => {
  it("finds nearest neighbours through an HNSW index over pg", async (context) => {
    const db = await createTestDatabase({ migrations: [] });
    try {
      if (!(await hasPgvector(db.pool))) {
        const where = db.mode === "server" ? "the DATABASE_URL server" : "the embedded database";
        const reason = `pgvector is not installed on ${where} (${db.url.replace(/:[^:@/]*@/, ":***@")})`;
        console.warn(`Skipping the pgvector test: ${reason}`);
        context.skip(reason);
      }
      await db.pool.query("CREATE EXTENSION IF NOT EXISTS vector");
      await db.pool.query("CREATE TABLE public.docs (id int PRIMARY KEY, embedding vector(8) NOT NULL)");
      const points = Array.from({ length: 300 }, (_, i) => point(i));
      const values = points.map((_, i) => `($${2 * i + 1}, $${2 * i + 2}::vector)`).join(", ");
      await db.pool.query(
        `INSERT INTO public.docs (id, embedding) VALUES ${values}`,
        points.flatMap((p, i) => [i, literal(p)]),
      );
      await db.pool.query(
        "CREATE INDEX docs_embedding_hnsw ON public.docs USING hnsw (embedding vector_l2_ops)",
      );

      const query = point(10_000);
      const expected = points
        .map((p, id) => ({ id, d: distance(p, query) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 5)
        .map((row) => row.id);

      const client = await db.pool.connect();
      try {
        // Transaction-scoped setting: on the local Lakebase all clients share one session.
        await client.query("BEGIN");
        await client.query("SET LOCAL enable_seqscan = off");
        const sql = "SELECT id FROM public.docs ORDER BY embedding <-> $1::vector LIMIT 5";
        const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, [literal(query)]);
        expect(plan.rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("docs_embedding_hnsw");
        const { rows } = await client.query<{ id: number }>(sql, [literal(query)]);
        await client.query("COMMIT");
        expect(rows.map((row) => row.id)).toEqual(expected);
      } finally {
        client.release();
      }
    } finally {
      await db.close();
    }
  });
});
