import { EMBEDDING_DIMS, type Embedder } from "./embedder.ts";

const STOPWORDS = new Set(
  "a an and are as at be been by can for from has have if in into is it its may must no not of on or our that the their them then there these this to was were which who will with within without".split(
    " ",
  ),
);

/** Lower-case word stems: a crude suffix strip, enough to match "structuring" with "structured". */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map((w) =>
      w.replace(/(ations?|ings?|ed|es|s)$/, (suffix) => (w.length - suffix.length >= 4 ? "" : suffix)),
    );
}

/** FNV-1a, 32 bits: a stable hash, so the same text gives the same vector on every machine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Feature hashing of word stems and word pairs, with sublinear term frequency, L2-normalised.
 * Cosine similarity then rewards shared words and phrases: lexical overlap, not meaning.
 */
export function lexicalVector(text: string, dims = EMBEDDING_DIMS): number[] {
  const counts = new Map<string, number>();
  const stems = terms(text);
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  stems.forEach((s, i) => {
    add(`w:${s}`, 1);
    if (i > 0) add(`p:${stems[i - 1]} ${s}`, 0.5);
  });
  const v = new Array<number>(dims).fill(0);
  for (const [feature, count] of counts) {
    const h = fnv1a(feature);
    v[h % dims]! += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(count));
  }
  const norm = Math.hypot(...v);
  return norm === 0 ? v : v.map((x) => x / norm);
}

/** The local embedder when no serving endpoint is bound: deterministic, offline, and labelled as lexical. */
export const lexicalEmbedder: Embedder = {
  id: `lexical-hash-v1-${EMBEDDING_DIMS}`,
  label: "Lexical embedder (hashed words; local stand-in, not a semantic model)",
  lexical: true,
  embed: async (texts) => texts.map((t) => lexicalVector(t)),
};
