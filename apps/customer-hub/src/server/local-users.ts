import { defineLocalUsers } from "@appbase/bindings";

/** People the local identity switcher offers, one per role of the customer-hub grant matrix. The first is the default. */
export const localUsers = defineLocalUsers([
  {
    id: "tess",
    email: "tess.lead@example.com",
    displayName: "Tess Lead",
    groups: ["customer-hub-team-leads"],
  },
  {
    id: "ann",
    email: "ann.manager@example.com",
    displayName: "Ann Manager",
    groups: ["customer-hub-account-managers"],
  },
  { id: "vic", email: "vic.viewer@example.com", displayName: "Vic Viewer", groups: ["customer-hub-viewers"] },
  {
    id: "priya",
    email: "priya.privacy@example.com",
    displayName: "Priya Privacy",
    groups: ["customer-hub-privacy-officers"],
  },
]);
