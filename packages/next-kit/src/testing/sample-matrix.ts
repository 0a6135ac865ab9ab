import { defineKitMatrix } from "@appbase/grants";

/** A small matrix for next-kit's own tests: a viewer, an account manager who writes notes, a team lead. */
export const sampleMatrix = defineKitMatrix({
  kit: "customer-hub",
  permissions: ["customer.read", "note.write"],
  roles: {
    viewer: { description: "Reads", groups: ["customer-hub-viewers"], permissions: ["customer.read"] },
    "account-manager": {
      description: "Writes notes",
      groups: ["customer-hub-account-managers"],
      permissions: ["customer.read", "note.write"],
    },
    "team-lead": {
      description: "Writes notes",
      groups: ["customer-hub-team-leads"],
      permissions: ["customer.read", "note.write"],
    },
  },
  groups: [
    { name: "customer-hub-viewers", description: "Viewers" },
    { name: "customer-hub-account-managers", description: "Account managers" },
    { name: "customer-hub-team-leads", description: "Team leads" },
  ],
  users: [],
  unityCatalog: { schemas: [], grants: [] },
  lakebase: { schemas: [], grants: [] },
});
