/** Genie's answer as the panel shows it (text, SQL, result table, follow-ups). */
export type { GenieAnswer } from "@appbase/databricks";

/** A failure with a sentence a person can act on. */
export class GenieError extends Error {
  override name = "GenieError";
}
