import "server-only";
import { appWorkspaceClient, missingAppPrincipal, serving } from "@appbase/databricks";
import type { Embedder } from "../domain/policies/embedder.ts";
import { lexicalEmbedder } from "../domain/policies/lexical-embedder.ts";
import { servingEmbedder } from "../domain/policies/serving-embedder.ts";
import { serverEnv } from "./kit.ts";

let bound: Embedder | undefined;

/** The bound embedding endpoint (EMBEDDING_ENDPOINT_NAME) as the app's service principal, else the labelled lexical stand-in. */
export function kitEmbedder(): Embedder {
  const env = serverEnv();
  const endpoint = env.EMBEDDING_ENDPOINT_NAME;
  if (!endpoint) return lexicalEmbedder;
  if (missingAppPrincipal(env).length > 0) {
    throw new Error(
      `Embedding endpoint ${endpoint} is bound but DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET are not all set; Databricks Apps injects them for the app's service principal.`,
    );
  }
  bound ??= servingEmbedder(serving(appWorkspaceClient(env)), endpoint);
  return bound;
}
