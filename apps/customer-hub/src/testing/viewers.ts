import type { Viewer } from "../domain/customers/access.ts";

/** A team lead (customer.read-all): sees and works every customer. */
export function teamLead(email = "tess.lead@example.com"): Viewer {
  return { email, userId: email.split("@")[0] ?? email, groups: ["customer-hub-team-leads"] };
}

/** An account manager: sees and works only the customers whose account_manager_email is theirs. */
export function accountManager(email = "ann.manager@example.com"): Viewer {
  return { email, userId: email.split("@")[0] ?? email, groups: ["customer-hub-account-managers"] };
}
