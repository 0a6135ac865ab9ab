/** Dimensions of the kit's `vector` columns (Databricks' hosted GTE/BGE large embedding models give 1024). */
export const EMBEDDING_DIMS = 1024;

/** Turns text into vectors for the policy and evidence chunks. */
export interface Embedder {
  /** Stored with each chunk; a different id means the chunk is embedded again. */
  id: string;
  /** Shown on every result, so a reader knows what kind of similarity ranked it. */
  label: string;
  /** True for the local lexical stand-in: it matches words, not meaning. */
  lexical: boolean;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** Checks an embedder's output before it reaches a `vector(1024)` column, with a message naming the fix. */
export function checkDims(embedder: Embedder, vectors: number[][]): number[][] {
  for (const v of vectors) {
    if (v.length !== EMBEDDING_DIMS) {
      throw new Error(
        `${embedder.label} returned ${v.length}-dimensional embeddings; the kit stores ${EMBEDDING_DIMS}. Bind an endpoint serving a ${EMBEDDING_DIMS}-dimensional model (e.g. databricks-gte-large-en).`,
      );
    }
    if (!v.every(Number.isFinite))
      throw new Error(`${embedder.label} returned a non-finite embedding value.`);
  }
  return vectors;
}

/** pgvector's text form of a vector. */
export function vectorLiteral(v: readonly number[]): string {
  return `[${v.join(",")}]`;
}
