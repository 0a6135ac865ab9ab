import { defineKitMatrix, principal } from "@appbase/grants";
import { workOrder } from "./db/schema/work-order.ts";

const app = principal.app();
const admins = principal.group("operations-portal-admins");
const planners = principal.group("operations-portal-planners");

/** Intelligent Operations Portal: assets and scores from synced data, work orders, the alert queue, preventive maintenance. */
export const operationsPortalMatrix = defineKitMatrix({
  kit: "operations-portal",
  permissions: [
    "asset.read",
    "score.read",
    "alert.read",
    "alert.claim",
    "alert.resolve",
    "work-order.read",
    "work-order.read-all",
    "work-order.create",
    "work-order.update",
    "work-order.assign",
    "maintenance.plan",
    "branch.preview",
    "site.change",
    "alert.hand-to-agent",
    "work-order.intake",
  ],
  roles: {
    viewer: {
      description: "Sees sites, assets, scores, alerts and every work order",
      groups: ["operations-portal-viewers"],
      permissions: ["asset.read", "score.read", "alert.read", "work-order.read", "work-order.read-all"],
    },
    technician: {
      description: "Works the alert queue and the work orders assigned to them",
      groups: ["operations-portal-technicians"],
      permissions: [
        "asset.read",
        "score.read",
        "alert.read",
        "alert.claim",
        "alert.resolve",
        "work-order.read",
        "work-order.update",
      ],
    },
    planner: {
      description:
        "Opens, plans and assigns work; runs preventive maintenance; prepares site-change previews",
      groups: ["operations-portal-planners"],
      permissions: [
        "asset.read",
        "score.read",
        "alert.read",
        "alert.claim",
        "alert.resolve",
        "work-order.read",
        "work-order.read-all",
        "work-order.create",
        "work-order.update",
        "work-order.assign",
        "maintenance.plan",
        "branch.preview",
        "alert.hand-to-agent",
      ],
    },
    "site-manager": {
      description: "Runs a site: works alerts and orders, assigns the work, reviews and applies site changes",
      groups: ["operations-portal-site-managers"],
      permissions: [
        "asset.read",
        "score.read",
        "alert.read",
        "alert.claim",
        "alert.resolve",
        "work-order.read",
        "work-order.read-all",
        "work-order.create",
        "work-order.update",
        "work-order.assign",
        "branch.preview",
        "site.change",
        "alert.hand-to-agent",
      ],
    },
    "intake-app": {
      description:
        "Another kit's app (Agent Ops' service principal) opening the work order a reviewer approved, through POST /api/intake/work-orders",
      groups: ["operations-portal-intake-apps"],
      permissions: ["work-order.intake"],
    },
    admin: {
      description: "Everything",
      groups: ["operations-portal-admins"],
      permissions: [
        "asset.read",
        "score.read",
        "alert.read",
        "alert.claim",
        "alert.resolve",
        "work-order.read",
        "work-order.read-all",
        "work-order.create",
        "work-order.update",
        "work-order.assign",
        "maintenance.plan",
        "branch.preview",
        "site.change",
        "alert.hand-to-agent",
        "work-order.intake",
      ],
    },
  },
  groups: [
    { name: "operations-portal-viewers", description: "Read-only users" },
    { name: "operations-portal-technicians", description: "Field technicians" },
    { name: "operations-portal-planners", description: "Maintenance planners" },
    { name: "operations-portal-site-managers", description: "Site managers" },
    { name: "operations-portal-admins", description: "Kit administrators" },
    {
      name: "operations-portal-intake-apps",
      description: "Service principals of the apps that open agent-proposed work orders (Agent Ops)",
    },
  ],
  users: [],
  unityCatalog: {
    schemas: [
      {
        name: "operations",
        description: "Gold assets and operational scores (owned by the data pipeline)",
        managedByBundle: false,
      },
      {
        name: "operations_portal",
        description: "Governed work-order decisions and audit events",
        managedByBundle: true,
      },
    ],
    grants: [
      { principal: app, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: admins, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: planners, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: app, on: { type: "schema", schema: "operations" }, privileges: ["USE_SCHEMA", "SELECT"] },
      {
        principal: admins,
        on: { type: "schema", schema: "operations" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: planners,
        on: { type: "schema", schema: "operations" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: app,
        on: { type: "schema", schema: "operations_portal" },
        privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE"],
      },
      {
        principal: admins,
        on: { type: "schema", schema: "operations_portal" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
    ],
  },
  lakebase: {
    schemas: [
      {
        name: "operations_portal",
        authority: "lakebase",
        description: "Work orders, alert queue, maintenance plans",
      },
      { name: "operations", authority: "synced", description: "Synced assets and operational scores" },
    ],
    grants: [
      { principal: app, schema: "operations", on: "schema", privileges: ["USAGE"] },
      { principal: app, schema: "operations", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "operations", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "operations", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "operations_portal", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "operations_portal", on: "tables", privileges: ["SELECT"] },
    ],
  },
  rowRules: {
    "assigned-work-orders": {
      table: workOrder,
      description: "Technicians see only the work orders assigned to them; read-all holders see every order",
      seeAllWith: ["work-order.read-all"],
      match: [{ column: workOrder.assigneeId, equals: "userId" }],
    },
  },
});
