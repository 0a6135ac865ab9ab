import { entities } from "@appbase/datasets/tables";
import { defineKitMatrix, principal } from "@appbase/grants";

const app = principal.app();
const admins = principal.group("risk-compliance-admins");
const analysts = principal.group("risk-compliance-analysts");
const officers = principal.group("risk-compliance-compliance-officers");

/** Real-Time Risk & Compliance Engine: alert queue, cases, audit evidence and synced risk scores. */
export const riskComplianceMatrix = defineKitMatrix({
  kit: "risk-compliance",
  permissions: [
    "alert.read",
    "alert.claim",
    "alert.triage",
    "case.read",
    "case.read-all",
    "case.open",
    "case.investigate",
    "case.escalate",
    "case.decide",
    "evidence.write",
    "entity.pii.read",
    "policy.search",
    "branch.review",
    "branch.restore",
    "audit.read",
  ],
  roles: {
    analyst: {
      description: "Triages alerts and opens cases",
      groups: ["risk-compliance-analysts"],
      permissions: ["alert.read", "alert.claim", "alert.triage", "case.read", "case.open", "policy.search"],
    },
    investigator: {
      description: "Investigates the cases assigned to them or their team",
      groups: ["risk-compliance-investigators"],
      permissions: [
        "alert.read",
        "case.read",
        "case.investigate",
        "case.escalate",
        "evidence.write",
        "entity.pii.read",
        "policy.search",
      ],
    },
    "compliance-officer": {
      description: "Decides cases, reviews decision-set branches, audits",
      groups: ["risk-compliance-compliance-officers"],
      permissions: [
        "alert.read",
        "case.read",
        "case.read-all",
        "case.decide",
        "entity.pii.read",
        "policy.search",
        "branch.review",
        "audit.read",
      ],
    },
    admin: {
      description: "Everything, including restoring a branch",
      groups: ["risk-compliance-admins"],
      permissions: [
        "alert.read",
        "alert.claim",
        "alert.triage",
        "case.read",
        "case.read-all",
        "case.open",
        "case.investigate",
        "case.escalate",
        "case.decide",
        "evidence.write",
        "entity.pii.read",
        "policy.search",
        "branch.review",
        "branch.restore",
        "audit.read",
      ],
    },
  },
  groups: [
    { name: "risk-compliance-analysts", description: "Alert analysts" },
    { name: "risk-compliance-investigators", description: "Case investigators" },
    { name: "risk-compliance-compliance-officers", description: "Compliance officers" },
    { name: "risk-compliance-admins", description: "Kit administrators" },
  ],
  users: [],
  unityCatalog: {
    schemas: [
      {
        name: "risk",
        description: "Gold risk scores and entities (owned by the data pipeline)",
        managedByBundle: false,
      },
      {
        name: "risk_compliance",
        description: "Governed case decisions, audit evidence, policy documents",
        managedByBundle: true,
      },
    ],
    grants: [
      { principal: app, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: admins, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: analysts, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: officers, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: app, on: { type: "schema", schema: "risk" }, privileges: ["USE_SCHEMA", "SELECT"] },
      { principal: admins, on: { type: "schema", schema: "risk" }, privileges: ["USE_SCHEMA", "SELECT"] },
      { principal: analysts, on: { type: "schema", schema: "risk" }, privileges: ["USE_SCHEMA"] },
      {
        principal: analysts,
        on: { type: "table", schema: "risk", table: "risk_score" },
        privileges: ["SELECT"],
      },
      {
        principal: app,
        on: { type: "schema", schema: "risk_compliance" },
        privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE", "CREATE_VOLUME"],
      },
      {
        principal: admins,
        on: { type: "schema", schema: "risk_compliance" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: officers,
        on: { type: "schema", schema: "risk_compliance" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: app,
        on: { type: "volume", schema: "risk_compliance", volume: "policy_documents" },
        privileges: ["READ_VOLUME"],
      },
      {
        principal: officers,
        on: { type: "volume", schema: "risk_compliance", volume: "policy_documents" },
        privileges: ["READ_VOLUME", "WRITE_VOLUME"],
      },
    ],
  },
  lakebase: {
    schemas: [
      {
        name: "risk_compliance",
        authority: "lakebase",
        description: "Alert queue, cases, evidence, policy chunks",
      },
      { name: "risk", authority: "synced", description: "Synced risk scores and entities" },
    ],
    grants: [
      { principal: app, schema: "risk", on: "schema", privileges: ["USAGE"] },
      { principal: app, schema: "risk", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "risk", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "risk", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "risk_compliance", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "risk_compliance", on: "tables", privileges: ["SELECT"] },
      { principal: officers, schema: "risk_compliance", on: "schema", privileges: ["USAGE"] },
      { principal: officers, schema: "risk_compliance", on: "tables", privileges: ["SELECT"] },
    ],
  },
  // The served entity table has no national id or address column: only the birth date is PII here.
  // Row rules (e.g. assigned cases) name the kit's own drizzle tables: declare them with the case table.
  columnRules: [{ column: entities.date_of_birth, mask: "year", unmaskedWith: "entity.pii.read" }],
});
