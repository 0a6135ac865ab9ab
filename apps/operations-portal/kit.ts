import { assetScores, assets, sites, workOrders } from "@appbase/datasets/tables";
import { defineKit } from "@appbase/next-kit/define-kit";
import { callingAppUser } from "@appbase/next-kit/links";
import { operationsPortalAppEnv } from "./src/app-env.ts";
import { operationsPortal } from "./src/db/schema/operations-portal-schema.ts";
import { siteChangeTables } from "./src/domain/site-changes/site-change.ts";
import { operationsPortalMatrix } from "./src/matrix.ts";

/** The Intelligent Operations Portal: every tool (CLI, bundle, e2e, the kit's own server) reads this. */
export default defineKit({
  id: "operations-portal",
  title: "Intelligent Operations Portal",
  description:
    "Sites, assets and their scores, the operator's alert queue, work orders and preventive maintenance.",
  port: 3104,
  schema: operationsPortal,
  matrix: operationsPortalMatrix,
  appEnv: operationsPortalAppEnv,
  // One or two people per role; technicians' ids are roster ids, which the own-work-orders rule matches.
  localUsers: [
    {
      id: "pia",
      email: "pia.planner@example.com",
      displayName: "Pia Planner",
      groups: ["operations-portal-planners"],
    },
    {
      id: "t.nguyen",
      email: "t.nguyen@example.com",
      displayName: "Thi Nguyen",
      groups: ["operations-portal-technicians"],
    },
    {
      id: "m.garcia",
      email: "m.garcia@example.com",
      displayName: "Marta Garcia",
      groups: ["operations-portal-technicians"],
    },
    {
      id: "sam",
      email: "sam.manager@example.com",
      displayName: "Sam Site-Manager",
      groups: ["operations-portal-site-managers"],
    },
    {
      id: "vera",
      email: "vera.viewer@example.com",
      displayName: "Vera Viewer",
      groups: ["operations-portal-viewers"],
    },
    // Agent Ops' app, as it opens an approved agent-proposed work order (its service principal on Databricks).
    callingAppUser("agent-ops", ["operations-portal-intake-apps"]),
  ],
  nav: [
    { href: "/sites", label: "Sites" },
    { href: "/assets", label: "Assets" },
    { href: "/alerts", label: "Alert queue" },
    { href: "/work-orders", label: "Work orders" },
    { href: "/my", label: "My work" },
    { href: "/maintenance", label: "Maintenance" },
    { href: "/kpis", label: "KPIs" },
    { href: "/site-changes", label: "Site changes" },
  ],
  // Other kits link to an asset or a work order by id (agent proposals, score alerts handed to agents).
  links: {
    asset: { path: "/assets/:id", label: "asset" },
    "work-order": { path: "/work-orders/:id", label: "work order" },
  },
  servedTables: [sites, assets, assetScores, workOrders],
  // The portal's own state a site-change preview changes: what its branch diff shows.
  diffTables: siteChangeTables,
  seed: async (ctx) => (await import("./src/seed.ts")).seedKit(ctx),
});
