import { defineKitMatrix, principal } from "@appbase/grants";

const app = principal.app();
const admins = principal.group("agent-ops-admins");
const reviewers = principal.group("agent-ops-reviewers");

/** AI Agent Operations Center: agent runs, LangGraph checkpoints, tool calls and the human review queue. */
export const agentOpsMatrix = defineKitMatrix({
  kit: "agent-ops",
  permissions: [
    "run.read",
    "review.read-all",
    "review.claim",
    "review.decide",
    "review.reassign",
    "agent.pause",
    "registry.write",
    "run.intake",
  ],
  roles: {
    operator: {
      description: "Watches agent runs and the whole queue; pauses misbehaving agents",
      groups: ["agent-ops-operators"],
      permissions: ["run.read", "review.read-all", "agent.pause"],
    },
    reviewer: {
      description: "Claims review items and decides the ones they claimed",
      groups: ["agent-ops-reviewers"],
      permissions: ["run.read", "review.claim", "review.decide"],
    },
    "intake-app": {
      description:
        "Another kit's app (the Operations Portal's service principal) handing work to an agent through POST /api/runs",
      groups: ["agent-ops-intake-apps"],
      permissions: ["run.intake"],
    },
    admin: {
      description: "Everything, including reassigning claimed items and editing the agent and tool registry",
      groups: ["agent-ops-admins"],
      permissions: [
        "run.read",
        "review.read-all",
        "review.claim",
        "review.decide",
        "review.reassign",
        "agent.pause",
        "registry.write",
        "run.intake",
      ],
    },
  },
  groups: [
    { name: "agent-ops-operators", description: "Operators on call for agents" },
    { name: "agent-ops-reviewers", description: "Human reviewers of agent output" },
    { name: "agent-ops-admins", description: "Kit administrators" },
    {
      name: "agent-ops-intake-apps",
      description: "Service principals of the apps that hand work to agents (Operations Portal)",
    },
  ],
  users: [],
  unityCatalog: {
    schemas: [
      { name: "agents", description: "Gold agent registry and evaluation tables", managedByBundle: false },
      { name: "agent_ops", description: "Governed review decisions and audit events", managedByBundle: true },
    ],
    grants: [
      { principal: app, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: admins, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: reviewers, on: { type: "catalog" }, privileges: ["USE_CATALOG"] },
      { principal: app, on: { type: "schema", schema: "agents" }, privileges: ["USE_SCHEMA", "SELECT"] },
      { principal: admins, on: { type: "schema", schema: "agents" }, privileges: ["USE_SCHEMA", "SELECT"] },
      {
        principal: app,
        on: { type: "schema", schema: "agent_ops" },
        privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE"],
      },
      {
        principal: admins,
        on: { type: "schema", schema: "agent_ops" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
      {
        principal: reviewers,
        on: { type: "schema", schema: "agent_ops" },
        privileges: ["USE_SCHEMA", "SELECT"],
      },
    ],
  },
  lakebase: {
    schemas: [
      {
        name: "agent_ops",
        authority: "lakebase",
        description: "Conversations, tool calls and the review queue",
      },
      { name: "agent_checkpoints", authority: "lakebase", description: "LangGraph checkpointer tables" },
      { name: "agents", authority: "synced", description: "Synced agent registry" },
    ],
    grants: [
      { principal: app, schema: "agents", on: "schema", privileges: ["USAGE"] },
      { principal: app, schema: "agents", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "agents", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "agents", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "agent_ops", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "agent_ops", on: "tables", privileges: ["SELECT"] },
      { principal: admins, schema: "agent_checkpoints", on: "schema", privileges: ["USAGE"] },
      { principal: admins, schema: "agent_checkpoints", on: "tables", privileges: ["SELECT"] },
    ],
  },
});
