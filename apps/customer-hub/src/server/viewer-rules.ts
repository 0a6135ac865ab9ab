import "server-only";
import { columnRulesFor } from "@appbase/grants";
import { customerHubMatrix } from "@appbase/grants/kits";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { maskEverything, type ResolvedColumnRule } from "../domain/customers/masking.ts";
import { can } from "./kit.ts";

// The matrix declares PII rules on the served customer profile; its `address` covers street and postcode.
const PROFILE_TABLE = "customer.customer_profile";

/** The customer column rules resolved for this viewer; in fallback every rule masks, whatever the role. */
export function viewerRules(identity: KitIdentity, fallback: boolean): Record<string, ResolvedColumnRule> {
  const rules: Record<string, ResolvedColumnRule> = {};
  for (const [column, rule] of Object.entries(columnRulesFor(customerHubMatrix, PROFILE_TABLE))) {
    rules[column] = { mask: rule.mask, unmasked: can(identity, rule.unmaskedWith) };
  }
  return fallback ? maskEverything(rules) : rules;
}
