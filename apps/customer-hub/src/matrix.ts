import { customers } from "@appbase/datasets/tables";
import { defineKitMatrix, principal } from "@appbase/grants";

const app = principal.app();
const admins = principal.group("customer-hub-admins");
const privacyOfficers = principal.group("customer-hub-privacy-officers");

/** Customer Intelligence Hub: governed Customer 360 from synced gold data plus the app's own workflow state. */
export const customerHubMatrix = defineKitMatrix({
  kit: "customer-hub",
  permissions: [
    "customer.read",
    "customer.read-all",
    "customer.pii.read",
    "note.write",
    "status.change",
    "status.migrate",
    "task.write",
    "genie.ask",
    "consent.manage",
    "audit.read",
  ],
  roles: {
    viewer: {
      description: "Browses every customer with PII masked",
      groups: ["customer-hub-viewers"],
      permissions: ["customer.read", "customer.read-all", "genie.ask"],
    },
    "account-manager": {
      description: "Works the customer accounts assigned to them (notes, status, follow-ups), PII visible",
      groups: ["customer-hub-account-managers"],
      permissions: [
        "customer.read",
        "customer.pii.read",
        "note.write",
        "status.change",
        "task.write",
        "genie.ask",
      ],
    },
    "team-lead": {
      description: "Oversees every account and the team's workflow",
      groups: ["customer-hub-team-leads", "customer-hub-admins"],
      permissions: [
        "customer.read",
        "customer.read-all",
        "customer.pii.read",
        "note.write",
        "status.change",
        // Bulk status changes, previewed on a Lakebase branch before they reach main.
        "status.migrate",
        "task.write",
        "genie.ask",
      ],
    },
    "privacy-officer": {
      description: "Records consent decisions and audits who viewed unmasked PII",
      groups: ["customer-hub-privacy-officers"],
      permissions: [
        "customer.read",
        "customer.read-all",
        "customer.pii.read",
        "consent.manage",
        "audit.read",
      ],
    },
  },
  groups: [
    { name: "customer-hub-viewers", description: "Read-only users" },
    { name: "customer-hub-account-managers", description: "Account managers" },
    { name: "customer-hub-team-leads", description: "Team leads" },
    { name: "customer-hub-privacy-officers", description: "Privacy and consent officers" },
    { name: "customer-hub-admins", description: "Kit administrators and support" },
  ],
  users: [],
  unityCatalog: {
    schemas: [
      {
        name: "customer",
        description: "Gold Customer 360 tables (owned by the data pipeline)",
        managedByBundle: false,
      },
      {
        name: "customer_hub",
        description: "Governed Customer Hub records (silver and bronze)",
        managedByBundle: true,
      },
    ],
    grants: [
      { principal: app, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: admins, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: privacyOfficers, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: app, on: { type: "schema", schema: "customer" }, privileges: ["USE_SCHEMA", "SELECT"] },
      { principal: admins, on: { type: "schema", schema: "customer" }, privileges: ["USE_SCHEMA", "SELECT"] },
      {
        principal: app,
        on: { type: "schema", schema: "customer_hub" },
        privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE"],
      },
      {
        principal: admins,
        on: { type: "schema", schema: "customer_hub" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: privacyOfficers,
        on: { type: "schema", schema: "customer_hub" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
    ],
  },
  lakebase: {
    schemas: [
      {
        name: "customer_hub",
        authority: "lakebase",
        description: "Notes, statuses, tasks and consent records",
      },
      { name: "customer", authority: "synced", description: "Synced Customer 360 gold tables" },
    ],
    grants: [
      { principal: app, schema: "customer", on: "schema", privileges: ["USAGE"] },
      { principal: app, schema: "customer", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "customer", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "customer", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "customer_hub", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "customer_hub", on: "tables", privileges: ["SELECT"] },
    ],
  },
  // PII on the served customer table; the shown address joins street, city and postcode, masked as one.
  columnRules: [
    { column: customers.email, mask: "email", unmaskedWith: "customer.pii.read" },
    { column: customers.phone, mask: "phone", unmaskedWith: "customer.pii.read" },
    { column: customers.street_address, mask: "redact", unmaskedWith: "customer.pii.read" },
    { column: customers.postal_code, mask: "redact", unmaskedWith: "customer.pii.read" },
    { column: customers.birth_date, mask: "year", unmaskedWith: "customer.pii.read" },
  ],
  rowRules: {
    "assigned-customers": {
      table: customers,
      description:
        "Account managers see and work only the customers assigned to them; read-all holders see every customer",
      seeAllWith: ["customer.read-all"],
      match: [{ column: customers.account_manager_email, equals: "email" }],
    },
  },
});
