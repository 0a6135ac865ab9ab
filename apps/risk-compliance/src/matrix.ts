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
    "alert.reassign",
    "case.read",
    "case.read-all",
    "case.open",
    "case.investigate",
    "case.decide",
    "evidence.write",
    "entity.pii.read",
    "policy.search",
    "policy.publish",
    "audit.read",
    "audit.export",
    "case.intake",
  ],
  roles: {
    analyst: {
      description: "Claims and triages alerts, escalates them to cases, investigates and adds evidence",
      groups: ["risk-compliance-analysts"],
      permissions: [
        "alert.read",
        "alert.claim",
        "alert.triage",
        "case.read",
        "case.open",
        "case.investigate",
        "evidence.write",
        "policy.search",
      ],
    },
    "senior-reviewer": {
      description:
        "An analyst who also approves high-risk closures (four-eyes) and bulk-assigns or closes alerts",
      groups: ["risk-compliance-senior-reviewers"],
      permissions: [
        "alert.read",
        "alert.claim",
        "alert.triage",
        "alert.reassign",
        "case.read",
        "case.read-all",
        "case.open",
        "case.investigate",
        "case.decide",
        "evidence.write",
        "entity.pii.read",
        "policy.search",
      ],
    },
    "compliance-officer": {
      description: "Owns the policies (publishes new versions) and reads every case and its audit trail",
      groups: ["risk-compliance-compliance-officers"],
      permissions: [
        "alert.read",
        "case.read",
        "case.read-all",
        "entity.pii.read",
        "policy.search",
        "policy.publish",
        "audit.read",
      ],
    },
    auditor: {
      description: "Read-only: every case, its evidence and audit trail, and the audit export (CSV)",
      groups: ["risk-compliance-auditors"],
      permissions: [
        "alert.read",
        "case.read",
        "case.read-all",
        "policy.search",
        "audit.read",
        "audit.export",
      ],
    },
    "intake-app": {
      description:
        "Another kit's app (Agent Ops' service principal) filing an agent's human-approved triage outcome through POST /api/intake/triage",
      groups: ["risk-compliance-intake-apps"],
      permissions: ["case.intake"],
    },
    admin: {
      description: "Kit administrators: every permission",
      groups: ["risk-compliance-admins"],
      permissions: [
        "alert.read",
        "alert.claim",
        "alert.triage",
        "alert.reassign",
        "case.read",
        "case.read-all",
        "case.open",
        "case.investigate",
        "case.decide",
        "evidence.write",
        "entity.pii.read",
        "policy.search",
        "policy.publish",
        "audit.read",
        "audit.export",
        "case.intake",
      ],
    },
  },
  groups: [
    { name: "risk-compliance-analysts", description: "Alert analysts" },
    {
      name: "risk-compliance-senior-reviewers",
      description: "Senior reviewers (four-eyes approvals, queue leads)",
    },
    { name: "risk-compliance-compliance-officers", description: "Compliance officers (policy owners)" },
    { name: "risk-compliance-auditors", description: "Auditors (read-only)" },
    { name: "risk-compliance-admins", description: "Kit administrators" },
    {
      name: "risk-compliance-intake-apps",
      description: "Service principals of the apps that file agent triage outcomes (Agent Ops)",
    },
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
