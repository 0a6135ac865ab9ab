import type { Viewer } from "../domain/customers/access.ts";

/** A team lead (customer.read-all): sees and works every customer. */
export function teamLead(email = "tess.lead@example.com"): Viewer {
  return { email, userId: email.split("@")[0] ?? email, groups: ["customer-hub-team-leads"] };
}

/** An account manager: sees and works only the customers whose account_manager_email is theirs. */
export function accountManager(email = "ann.manager@example.com"): Viewer {
  return { email, userId: email.split("@")[0] ?? email, groups: ["customer-hub-account-managers"] };
}

/** A privacy officer: every customer, PII visible, records consent decisions and reads the PII access log. */
export function privacyOfficer(email = "priya.privacy@example.com"): Viewer {
  return { email, userId: email.split("@")[0] ?? email, groups: ["customer-hub-privacy-officers"] };
}
