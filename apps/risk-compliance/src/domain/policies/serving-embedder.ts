import type { serving } from "@appbase/databricks";
import { checkDims, type Embedder } from "./embedder.ts";

/** Embeddings from the bound Databricks Model Serving endpoint (e.g. databricks-gte-large-en). */
export function servingEmbedder(client: ReturnType<typeof serving>, endpoint: string): Embedder {
  const embedder: Embedder = {
    id: `serving:${endpoint}`,
    label: `Serving endpoint ${endpoint}`,
    lexical: false,
    embed: async (texts) => checkDims(embedder, await client.embed(endpoint, texts)),
  };
  return embedder;
}
