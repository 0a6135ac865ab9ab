import { describe, expect, it } from "vitest";
import { getDataset } from "./registry.ts";
import { collect } from "./test-support.ts";
import type { Row } from "./types.ts";

const options = { seed: 77, scale: 2_000 } as const;
const load = (name: string) => collect(getDataset(name), options);
const ids = (rows: Row[], key: string) => new Set(rows.map((r) => r[key] as string));

function expectAllIn(rows: Row[], key: string, parents: Set<string>, label: string) {
  const orphans = rows.filter((r) => r[key] !== null && !parents.has(r[key] as string));
  expect(orphans.slice(0, 3), `${label}: ${orphans.length} orphans`).toEqual([]);
}

describe("referential integrity across independently generated tables", () => {
  const customers = ids(load("customer.customers"), "customer_id");
  const entities = ids(load("risk.entities"), "entity_id");
  const assets = load("operations.assets");
  const assetIds = ids(assets, "asset_id");

  it("customer children reference existing customers", () => {
    expectAllIn(load("customer.customer_features"), "customer_id", customers, "customer_features");
    expectAllIn(load("customer.interactions"), "customer_id", customers, "interactions");
  });

  it("agent threads, messages and tool calls join up, and subjects exist in their domains", () => {
    const threads = load("agents.threads");
    const messages = load("agents.messages");
    const toolCalls = load("agents.tool_calls");
    expectAllIn(threads, "agent_id", ids(load("agents.agent_definitions"), "agent_id"), "threads.agent_id");
    expectAllIn(messages, "thread_id", ids(threads, "thread_id"), "messages.thread_id");
    expectAllIn(toolCalls, "message_id", ids(messages, "message_id"), "tool_calls.message_id");
    expectAllIn(toolCalls, "tool_name", ids(load("agents.tools"), "tool_name"), "tool_calls.tool_name");
    expectAllIn(messages, "tool_call_id", ids(toolCalls, "tool_call_id"), "messages.tool_call_id");
    const subjects = { customer: customers, entity: entities, asset: assetIds } as Record<
      string,
      Set<string>
    >;
    for (const t of threads)
      expect(subjects[t.subject_type as string]?.has(t.subject_id as string), String(t.thread_id)).toBe(true);
  });

  it("risk children reference existing entities", () => {
    expectAllIn(load("risk.risk_scores"), "entity_id", entities, "risk_scores");
    expectAllIn(load("risk.alerts"), "entity_id", entities, "alerts");
  });

  it("monitored people who bank with us are existing customers, with the customer's name and birth date", () => {
    const byId = new Map(load("customer.customers").map((c) => [c.customer_id as string, c]));
    const entityRows = load("risk.entities");
    const linked = entityRows.filter((e) => e.customer_id !== null);
    expectAllIn(entityRows, "customer_id", new Set(byId.keys()), "entities.customer_id");
    expect(linked.every((e) => e.entity_type === "person")).toBe(true);
    // Most people are customers (so every scale has links to follow), companies never are.
    const people = entityRows.filter((e) => e.entity_type === "person");
    expect(linked.length / people.length).toBeGreaterThan(0.6);
    for (const e of linked) {
      const customer = byId.get(e.customer_id as string);
      expect([e.name, e.date_of_birth]).toEqual([customer?.full_name, customer?.birth_date]);
    }
  });

  it("assets sit on existing sites, and work orders agree with their asset's site", () => {
    expectAllIn(assets, "site_id", ids(load("operations.sites"), "site_id"), "assets.site_id");
    expectAllIn(load("operations.asset_scores"), "asset_id", assetIds, "asset_scores");
    const siteOf = new Map(assets.map((a) => [a.asset_id as string, a.site_id as string]));
    for (const wo of load("operations.work_orders"))
      expect(wo.site_id).toBe(siteOf.get(wo.asset_id as string));
  });
});

describe("state machines", () => {
  it("work orders carry exactly the timestamps their state implies, in order", () => {
    for (const wo of load("operations.work_orders")) {
      const started = ["in_progress", "on_hold", "completed", "closed"].includes(wo.status as string);
      const done = wo.status === "completed" || wo.status === "closed";
      expect(wo.started_at !== null, `${wo.work_order_id} ${wo.status}`).toBe(started);
      expect(wo.completed_at !== null).toBe(done);
      expect(wo.closed_at !== null).toBe(wo.status === "closed");
      const times = [wo.opened_at, wo.started_at, wo.completed_at, wo.closed_at].filter(
        (t) => t !== null,
      ) as string[];
      expect([...times].sort()).toEqual(times);
      expect(wo.due_at! > wo.opened_at!).toBe(true);
    }
  });

  it("alerts: only dismissed alerts have a resolution, only merged/escalated ones a case", () => {
    for (const a of load("risk.alerts")) {
      expect(a.resolution !== null).toBe(a.status === "dismissed");
      expect(a.case_id !== null).toBe(a.status === "merged" || a.status === "escalated");
      expect(a.assignee === null).toBe(a.status === "new");
      expect(a.last_seen_at! >= a.opened_at!).toBe(true);
    }
  });

  it("threads end exactly when completed or failed, and failed threads hold a failed tool call or none", () => {
    const threads = load("agents.threads");
    const toolCalls = load("agents.tool_calls");
    const errorsByThread = new Set(toolCalls.filter((c) => c.status === "error").map((c) => c.thread_id));
    const callsByThread = new Set(toolCalls.map((c) => c.thread_id));
    for (const t of threads) {
      expect(t.ended_at !== null).toBe(t.status === "completed" || t.status === "failed");
      if (t.ended_at) expect(String(t.ended_at) >= String(t.started_at)).toBe(true);
      if (t.status === "failed" && callsByThread.has(t.thread_id))
        expect(errorsByThread.has(t.thread_id)).toBe(true);
    }
    for (const c of toolCalls) {
      expect(c.error !== null, String(c.tool_call_id)).toBe(c.status === "error");
      expect(c.result !== null).toBe(c.status === "success");
      expect(c.latency_ms === null).toBe(c.status === "pending_approval");
    }
    // Calls awaiting approval only ever end an interrupted thread.
    const statusOf = new Map(threads.map((t) => [t.thread_id, t.status]));
    const pending = toolCalls.filter((c) => c.status === "pending_approval");
    expect(pending.length).toBeGreaterThan(0);
    for (const c of pending) expect(statusOf.get(c.thread_id)).toBe("interrupted");
  });
});
