import { defineLocalUsers } from "@appbase/bindings";

/** People the local identity switcher offers: two reviewers (to show claims are exclusive), an operator, an admin. */
export const localUsers = defineLocalUsers([
  {
    id: "olga",
    email: "olga.operator@example.com",
    displayName: "Olga Operator",
    groups: ["agent-ops-operators"],
  },
  {
    id: "rita",
    email: "rita.reviewer@example.com",
    displayName: "Rita Reviewer",
    groups: ["agent-ops-reviewers"],
  },
  {
    id: "ravi",
    email: "ravi.reviewer@example.com",
    displayName: "Ravi Reviewer",
    groups: ["agent-ops-reviewers"],
  },
  { id: "adam", email: "adam.admin@example.com", displayName: "Adam Admin", groups: ["agent-ops-admins"] },
]);
