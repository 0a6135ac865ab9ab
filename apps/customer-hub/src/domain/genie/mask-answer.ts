import { type ResolvedColumnRule, shield } from "@appbase/grants";
import type { GenieAnswer } from "./genie-types.ts";

/** The customer column rule a Genie result column falls under, by its name (Genie names columns freely). */
export function genieColumnRule(
  column: string,
  rules: Record<string, ResolvedColumnRule>,
): ResolvedColumnRule | undefined {
  const name = column.toLowerCase();
  if (name in rules) return rules[name];
  if (name.includes("email")) return rules.email;
  if (name.includes("phone")) return rules.phone;
  if (name.includes("address")) return rules.street_address;
  if (name.includes("postal")) return rules.postal_code;
  if (name.includes("birth")) return rules.birth_date;
  return undefined;
}

/**
 * Masks PII columns in a Genie result table by column name, with the same rules as the profile:
 * Genie may answer with the app's identity, so its rows must not bypass the viewer's masking.
 */
export function maskGenieAnswer(answer: GenieAnswer, rules: Record<string, ResolvedColumnRule>): GenieAnswer {
  const columnRules = answer.columns.map((column) => genieColumnRule(column, rules));
  if (columnRules.every((r) => r === undefined || r.unmasked)) return answer;
  return {
    ...answer,
    rows: answer.rows.map((row) => row.map((cell, i) => shield(cell, columnRules[i]).value)),
  };
}
