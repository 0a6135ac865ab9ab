import { customerFeatures, customers, interactions } from "@appbase/datasets/tables";
import { defineKit } from "@appbase/next-kit/define-kit";
import { customerHubAppEnv } from "./src/app-env.ts";
import { customerHub } from "./src/db/schema/customer-hub-schema.ts";
import { customerStatus } from "./src/db/schema/customer-status.ts";
import { followUpTasks } from "./src/db/schema/follow-up-tasks.ts";
import { notes } from "./src/db/schema/notes.ts";
import { customerHubMatrix } from "./src/matrix.ts";

/** The Customer Intelligence Hub: every tool (CLI, bundle, e2e, the kit's own server) reads this. */
export default defineKit({
  id: "customer-hub",
  title: "Customer Intelligence Hub",
  description: "Governed Customer 360 with the team's notes, status workflow and follow-ups.",
  port: 3101,
  schema: customerHub,
  matrix: customerHubMatrix,
  appEnv: customerHubAppEnv,
  // One person per role of the matrix; the first is the default.
  localUsers: [
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
    {
      id: "vic",
      email: "vic.viewer@example.com",
      displayName: "Vic Viewer",
      groups: ["customer-hub-viewers"],
    },
    {
      id: "priya",
      email: "priya.privacy@example.com",
      displayName: "Priya Privacy",
      groups: ["customer-hub-privacy-officers"],
    },
  ],
  nav: [
    { href: "/customers", label: "Customers" },
    { href: "/insights", label: "Insights & Genie" },
    { href: "/audit", label: "PII access" },
    { href: "/status-migrations", label: "Status migrations" },
  ],
  // Other kits link to a customer by id (risk entities that are customers, agent threads).
  links: { customer: { path: "/customers/:id", label: "customer" } },
  servedTables: [customers, customerFeatures, interactions],
  // The team's own state: what a branch diff (`appbase branch diff --kit customer-hub`) shows.
  diffTables: [customerStatus, followUpTasks, notes],
});
