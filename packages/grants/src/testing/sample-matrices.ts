// Matrices for the engine's own tests. Kits declare theirs in apps/<kit>/src/matrix.ts; these
// exercise every feature: roles by group, UC grants on catalog/schema/table/volume, owned and synced
// Lakebase schemas, column rules with each mask, row rules with every clause kind.
import { boolean, integer, pgSchema, text } from "drizzle-orm/pg-core";
import { defineKitMatrix } from "../define-kit-matrix.ts";
import { principal } from "../principals.ts";

const gold = pgSchema("sample_gold");
/** A synced gold table with PII. */
export const contact = gold.table("contact", {
  contact_id: text("contact_id").primaryKey(),
  email: text("email"),
  phone: text("phone"),
  national_id: text("national_id"),
  birth_date: text("birth_date"),
  street_address: text("street_address"),
  vip: boolean("vip"),
});

const desk = pgSchema("sample_desk");
/** The app's own table, filtered by row rules. */
export const caseFile = desk.table("case_file", {
  id: integer("id").primaryKey(),
  assigneeId: text("assignee_id"),
  assignedTeam: text("assigned_team"),
  claimedBy: text("claimed_by"),
});

const app = principal.app();
const admins = principal.group("sample-desk-admins");
const officers = principal.group("sample-desk-officers");

/** A desk with notes on synced contacts: viewer, manager, lead (also via admins), officer. */
export const sampleMatrix = defineKitMatrix({
  kit: "sample-desk",
  permissions: [
    "contact.read",
    "contact.read-all",
    "contact.pii.read",
    "note.write",
    "case.claim",
    "audit.read",
  ],
  roles: {
    viewer: {
      description: "Reads contacts, PII masked",
      groups: ["sample-desk-viewers"],
      permissions: ["contact.read", "contact.read-all"],
    },
    manager: {
      description: "Works their cases",
      groups: ["sample-desk-managers"],
      permissions: ["contact.read", "contact.pii.read", "note.write", "case.claim"],
    },
    lead: {
      description: "Everything but audits",
      groups: ["sample-desk-leads", "sample-desk-admins"],
      permissions: ["contact.read", "contact.read-all", "contact.pii.read", "note.write", "case.claim"],
    },
    officer: {
      description: "Audits",
      groups: ["sample-desk-officers"],
      permissions: ["contact.read", "contact.read-all", "contact.pii.read", "audit.read"],
    },
  },
  groups: [
    { name: "sample-desk-viewers", description: "Viewers" },
    { name: "sample-desk-managers", description: "Managers" },
    { name: "sample-desk-leads", description: "Leads" },
    { name: "sample-desk-officers", description: "Officers" },
    { name: "sample-desk-admins", description: "Admins" },
  ],
  users: [],
  unityCatalog: {
    schemas: [
      { name: "sample_gold", description: "Gold contacts (owned by a pipeline)", managedByBundle: false },
      { name: "sample_desk", description: "The desk's governed records", managedByBundle: true },
    ],
    grants: [
      { principal: app, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: admins, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: officers, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: app, on: { type: "schema", schema: "sample_gold" }, privileges: ["USE_SCHEMA", "SELECT"] },
      {
        principal: officers,
        on: { type: "table", schema: "sample_gold", table: "contact" },
        privileges: ["SELECT"],
      },
      {
        principal: app,
        on: { type: "schema", schema: "sample_desk" },
        privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE", "CREATE_VOLUME"],
      },
      {
        principal: admins,
        on: { type: "schema", schema: "sample_desk" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: officers,
        on: { type: "volume", schema: "sample_desk", volume: "evidence" },
        privileges: ["READ_VOLUME", "WRITE_VOLUME"],
      },
    ],
  },
  lakebase: {
    schemas: [
      { name: "sample_desk", authority: "lakebase", description: "Notes and cases" },
      { name: "sample_gold", authority: "synced", description: "Synced contacts" },
    ],
    grants: [
      { principal: app, schema: "sample_gold", on: "schema", privileges: ["USAGE"] },
      { principal: app, schema: "sample_gold", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "sample_gold", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "sample_gold", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "sample_desk", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "sample_desk", on: "tables", privileges: ["SELECT"] },
    ],
  },
  columnRules: [
    { column: contact.email, mask: "email", unmaskedWith: "contact.pii.read" },
    { column: contact.phone, mask: "phone", unmaskedWith: "contact.pii.read" },
    { column: contact.national_id, mask: "last4", unmaskedWith: "contact.pii.read" },
    { column: contact.birth_date, mask: "year", unmaskedWith: "contact.pii.read" },
    { column: contact.street_address, mask: "redact", unmaskedWith: "contact.pii.read" },
  ],
  rowRules: {
    "assigned-cases": {
      table: caseFile,
      description: "Managers see cases assigned to them or to a team they belong to",
      seeAllWith: ["contact.read-all"],
      match: [
        { column: caseFile.assigneeId, equals: "userId" },
        { column: caseFile.assignedTeam, inGroups: true },
      ],
    },
    "queue-visible": {
      table: caseFile,
      description: "Managers see unclaimed cases and the ones they claimed",
      seeAllWith: ["contact.read-all"],
      match: [
        { column: caseFile.claimedBy, equals: "userId" },
        { column: caseFile.claimedBy, isNull: true },
      ],
    },
  },
});

/** A second kit with only its own schema, for multi-kit commands and never-applied databases. */
export const queueMatrix = defineKitMatrix({
  kit: "sample-queue",
  permissions: ["item.read"],
  roles: { reader: { description: "Reads", groups: ["sample-queue-readers"], permissions: ["item.read"] } },
  groups: [{ name: "sample-queue-readers", description: "Readers" }],
  users: [],
  unityCatalog: {
    schemas: [{ name: "sample_queue", description: "Queue records", managedByBundle: true }],
    grants: [
      { principal: app, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: app, on: { type: "schema", schema: "sample_queue" }, privileges: ["USE_SCHEMA"] },
    ],
  },
  lakebase: {
    schemas: [{ name: "sample_queue", authority: "lakebase", description: "Queue" }],
    grants: [
      {
        principal: principal.group("sample-queue-readers"),
        schema: "sample_queue",
        on: "tables",
        privileges: ["SELECT"],
      },
    ],
  },
});

export const sampleMatrices = [sampleMatrix, queueMatrix] as const;
