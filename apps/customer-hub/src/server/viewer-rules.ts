import "server-only";
import { customers } from "@appbase/datasets/tables";
import {
  columnRulesFor,
  maskEverything,
  qualifiedName,
  type ResolvedColumnRule,
  resolveColumnRules,
} from "@appbase/grants";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { customerHubMatrix } from "../matrix.ts";

/** The customer column rules resolved for this viewer; in fallback every rule masks, whatever the role. */
export function viewerRules(identity: KitIdentity, fallback: boolean): Record<string, ResolvedColumnRule> {
  const rules = resolveColumnRules(
    identity,
    columnRulesFor(customerHubMatrix, qualifiedName(customers)),
    customerHubMatrix,
  );
  return fallback ? maskEverything(rules) : rules;
}
