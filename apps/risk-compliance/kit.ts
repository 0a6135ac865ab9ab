import { alerts, entities, policies, riskScores } from "@appbase/datasets/tables";
import { defineKit } from "@appbase/next-kit/define-kit";
import { callingAppUser } from "@appbase/next-kit/links";
import { riskComplianceAppEnv } from "./src/app-env.ts";
import { governedTables } from "./src/db/governed.ts";
import { riskCompliance } from "./src/db/schema/risk-compliance-schema.ts";
import { reviewTables } from "./src/domain/cases/review-tables.ts";
import { riskComplianceMatrix } from "./src/matrix.ts";

/** The Real-Time Risk & Compliance Engine: every tool (CLI, bundle, e2e, the kit's own server) reads this. */
export default defineKit({
  id: "risk-compliance",
  title: "Real-Time Risk & Compliance Engine",
  description:
    "The alert queue, cases with tamper-evident evidence and audit, and pgvector policy retrieval beside every alert and case.",
  port: 3103,
  schema: riskCompliance,
  matrix: riskComplianceMatrix,
  appEnv: riskComplianceAppEnv,
  // Two analysts (so claims and four-eyes have a second person), a senior reviewer, an officer, an auditor,
  // and the app that files agent triage outcomes.
  localUsers: [
    {
      id: "ana",
      email: "ana.analyst@example.com",
      displayName: "Ana Analyst",
      groups: ["risk-compliance-analysts"],
    },
    {
      id: "ben",
      email: "ben.analyst@example.com",
      displayName: "Ben Analyst",
      groups: ["risk-compliance-analysts"],
    },
    {
      id: "sara",
      email: "sara.senior@example.com",
      displayName: "Sara Senior-Reviewer",
      groups: ["risk-compliance-senior-reviewers"],
    },
    {
      id: "olga",
      email: "olga.officer@example.com",
      displayName: "Olga Compliance-Officer",
      groups: ["risk-compliance-compliance-officers"],
    },
    {
      id: "aldo",
      email: "aldo.auditor@example.com",
      displayName: "Aldo Auditor",
      groups: ["risk-compliance-auditors"],
    },
    // Agent Ops' app, as it files an approved triage outcome (its service principal on Databricks).
    callingAppUser("agent-ops", ["risk-compliance-intake-apps"]),
  ],
  nav: [
    { href: "/alerts", label: "Alerts" },
    { href: "/cases", label: "Cases" },
    { href: "/reviews", label: "Reviews" },
    { href: "/policies", label: "Policies" },
    { href: "/charts", label: "Charts" },
    { href: "/audit", label: "Audit" },
  ],
  // Other kits link to an entity, an alert or a case by id (agent threads, a hand-off from another kit).
  links: {
    entity: { path: "/entities/:id", label: "risk entity" },
    alert: { path: "/alerts/:id", label: "risk alert" },
    case: { path: "/cases/:id", label: "risk case" },
  },
  servedTables: [entities, riskScores, alerts, policies],
  // Case dispositions: silver in the lakehouse is the authority (Governance Writer).
  governed: governedTables,
  // What a case review worked on a branch changes: what its branch diff shows.
  diffTables: reviewTables,
  // The seed runs from the CLI only; bundles of kit.ts (the server, the edge instrumentation) must not
  // follow it into the local lakehouse's native DuckDB module.
  seed: async (ctx) =>
    (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "./src/seed.ts")).seedKit(ctx),
});
