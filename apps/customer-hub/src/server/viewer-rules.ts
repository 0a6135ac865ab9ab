import "server-only";
import { columnRulesFor, maskEverything, type ResolvedColumnRule, resolveColumnRules } from "@appbase/grants";
import { customerHubMatrix } from "../matrix.ts";
import type { KitIdentity } from "@appbase/next-kit/identity";

// The matrix declares PII rules on the served customer profile; its `address` covers street and postcode.
const PROFILE_TABLE = "customer.customer_profile";

/** The customer column rules resolved for this viewer; in fallback every rule masks, whatever the role. */
export function viewerRules(identity: KitIdentity, fallback: boolean): Record<string, ResolvedColumnRule> {
  const rules = resolveColumnRules(
    identity,
    columnRulesFor(customerHubMatrix, PROFILE_TABLE),
    customerHubMatrix,
  );
  return fallback ? maskEverything(rules) : rules;
}
