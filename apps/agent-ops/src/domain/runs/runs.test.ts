import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { riskKit } from "../../testing/risk-kit.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import type { AgentModel } from "../agents/agent-model.ts";
import { claimItem, listReviewItems } from "../queue/queue.ts";
import { readTimeline } from "../timeline/timeline.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { assertResumable, resumeAgentRun, startAgentRun } from "./runs.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createServedDataDatabase();
});
afterAll(async () => {
  await database.close();
});

const support = (request: string) =>
  startAgentRun(database.pool, { agent: "customer-support", request, startedBy: "olga@example.com" });
const triage = (request: string) =>
  startAgentRun(database.pool, { agent: "risk-triage", request, startedBy: "olga@example.com" });

async function itemsOf(threadId: string) {
  const items = await listReviewItems(database.pool, { viewer: "x", seeAll: true });
  return items.filter((i) => i.threadId === threadId);
}

async function toolRows(threadId: string) {
  const { rows } = await database.pool.query<{
    tool: string;
    status: string;
    result: unknown;
    error: string | null;
  }>("select tool, status, result, error from agent_ops.tool_call where thread_id = $1 order by started_at", [
    threadId,
  ]);
  return rows;
}

describe("support agent runs", () => {
  it("stops at review, queues the interrupt, and completes after approval with every tool call recorded", async () => {
    const started = await support("Please refund order ORD-1234, it arrived broken");
    expect(started.status).toBe("interrupted");
    const [item] = await itemsOf(started.threadId);
    expect(item).toMatchObject({ source: "interrupt", status: "pending" });
    expect(item?.payload).toMatchObject({
      kind: "refund-approval",
      tool: "issue_refund",
      agent: "customer-support",
    });
    await claimItem(database.pool, { itemId: item?.id as string, reviewer: "rita@example.com" });

    const resumed = await resumeAgentRun(database.pool, {
      threadId: started.threadId,
      resume: { decision: "approve", rationale: "Damaged on arrival" },
    });
    expect(resumed.status).toBe("completed");
    const timeline = await readTimeline(await checkpointerFor(database.pool), started.threadId);
    expect(timeline.toolCalls.map((c) => [c.name, c.status])).toEqual([
      ["lookup_order", "ok"],
      ["issue_refund", "ok"],
    ]);
    expect(timeline.toolCalls[1]?.result).toMatch(/^refunded \d+\.\d{2} USD on ORD-1234$/);
    const rows = await toolRows(started.threadId);
    expect(rows.map((r) => [r.tool, r.status])).toEqual([
      ["lookup_order", "ok"],
      ["issue_refund", "ok"],
    ]);
    // The order's customer comes from the served customer table.
    const customer = (rows[0]?.result as { customer: { id: string } } | undefined)?.customer;
    const { rows: known } = await database.pool.query(
      "select 1 from customer.customers where customer_id = $1",
      [customer?.id],
    );
    expect(known).toHaveLength(1);
  });

  it("a failing tool does not crash the run: error ToolMessage, error row, tool-error item", async () => {
    const run = await support("Refund ORD-2220");
    expect(run.status).toBe("completed");
    expect(await itemsOf(run.threadId)).toEqual([expect.objectContaining({ source: "tool-error" })]);
    expect(await toolRows(run.threadId)).toEqual([
      {
        tool: "lookup_order",
        status: "error",
        result: null,
        error: "Order ORD-2220 is archived and cannot be read.",
      },
    ]);
  });

  it("a tool an admin disables while the run waits for review is refused when it resumes", async () => {
    const started = await support("Please refund order ORD-1235, it arrived broken");
    expect(started.status).toBe("interrupted");
    await database.pool.query(
      `insert into agent_ops.tool_registry (tool_name, description, reads, risk_level, enabled, version, updated_by, updated_at)
       values ('issue_refund', 'Refunds', '[]', 'high', false, 2, 'adam.admin@example.com', now())`,
    );
    try {
      const resumed = await resumeAgentRun(database.pool, {
        threadId: started.threadId,
        resume: { decision: "approve", rationale: "Damaged on arrival" },
      });
      expect(resumed.status).toBe("completed");
      expect((await toolRows(started.threadId)).map((r) => [r.tool, r.status, r.error])).toEqual([
        ["lookup_order", "ok", null],
        ["issue_refund", "error", expect.stringMatching(/issue_refund is disabled in the governed registry/)],
      ]);
      expect((await itemsOf(started.threadId)).map((i) => i.source)).toContain("tool-error");
    } finally {
      await database.pool.query("delete from agent_ops.tool_registry where tool_name = 'issue_refund'");
    }
  });

  it("an edit resumes with the reviewer's arguments; a refund above the limit raises a policy flag", async () => {
    const run = await support("Refund ORD-1235");
    const items = await itemsOf(run.threadId);
    expect(items.map((i) => i.source).sort()).toEqual(["interrupt", "policy-flag"]);
    expect(items.find((i) => i.source === "policy-flag")?.title).toMatch(/175\.99 USD is above the 150 USD/);
    await resumeAgentRun(database.pool, {
      threadId: run.threadId,
      resume: { decision: "edit", rationale: "Partial refund only", editedArgs: { amount: 5 } },
    });
    const timeline = await readTimeline(await checkpointerFor(database.pool), run.threadId);
    expect(timeline.toolCalls.find((c) => c.name === "issue_refund")?.result).toBe(
      "refunded 5.00 USD on ORD-1235",
    );
  });

  it("a rejection skips the refund and the run completes without it", async () => {
    const run = await support("Refund ORD-3333");
    const resumed = await resumeAgentRun(database.pool, {
      threadId: run.threadId,
      resume: { decision: "reject", rationale: "Outside the window" },
    });
    expect(resumed.status).toBe("completed");
    expect((await toolRows(run.threadId)).map((r) => r.tool)).toEqual(["lookup_order"]);
  });

  it("a model failure fails the run with the model's words", async () => {
    const broken: AgentModel = {
      label: "Databricks serving endpoint broken",
      reply: async () => {
        throw new Error("Serving endpoint broken failed (HTTP 400 BAD_REQUEST): bad tools");
      },
    };
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-4444",
      startedBy: "olga@example.com",
      model: broken,
    });
    expect(run).toMatchObject({ status: "failed", error: expect.stringContaining("HTTP 400 BAD_REQUEST") });
    await expect(
      resumeAgentRun(database.pool, {
        threadId: run.threadId,
        resume: { decision: "approve", rationale: "ok" },
      }),
    ).rejects.toThrow(/not bound now .*no serving endpoint is bound/);
    // The review action checks this before it stores a decision; the same endpoint may continue it.
    await expect(assertResumable(database.pool, run.threadId, undefined)).rejects.toThrow(
      /bind that serving endpoint again/,
    );
    await expect(assertResumable(database.pool, run.threadId, broken)).resolves.toBeUndefined();
    await expect(assertResumable(database.pool, "thread-nope", broken)).rejects.toThrow(
      /not a run of this kit/,
    );
  });
});

describe("risk-triage agent runs", () => {
  async function entityWith(condition: string) {
    const { rows } = await database.pool.query<{ entity_id: string }>(
      `select e.entity_id from risk.entities e where ${condition} order by e.entity_id limit 1`,
    );
    if (!rows[0]) throw new Error(`no tiny-scale entity where ${condition}`);
    return rows[0].entity_id;
  }

  it("gathers evidence in a subgraph, pauses for review, and files the action after approval", async () => {
    const entity = await entityWith(
      "exists (select 1 from risk.alerts a where a.entity_id = e.entity_id and a.status in ('new','triaging'))",
    );
    const run = await triage(`Triage entity ${entity}`);
    expect(run.status).toBe("interrupted");
    const [item] = (await itemsOf(run.threadId)).filter((i) => i.source === "interrupt");
    expect(item?.payload).toMatchObject({ kind: "triage-approval", tool: "file_triage_action" });
    expect((item?.payload as { args: { entityId: string } } | undefined)?.args.entityId).toBe(entity);

    // The evidence steps are checkpointed in the subgraph's own namespace.
    const { rows: namespaces } = await database.pool.query<{ checkpoint_ns: string }>(
      "select distinct checkpoint_ns from agent_checkpoints.checkpoints where thread_id = $1",
      [run.threadId],
    );
    expect(namespaces.some((n) => n.checkpoint_ns.startsWith("gather_evidence:"))).toBe(true);

    const risk = riskKit();
    const done = await resumeAgentRun(database.pool, {
      threadId: run.threadId,
      resume: { decision: "approve", rationale: "Evidence is clear" },
      kits: risk.kits,
    });
    expect(done.status).toBe("completed");
    // The approved action is filed once, through the Risk kit's intake route, for the entity reviewed.
    expect(risk.calls).toHaveLength(1);
    expect(risk.calls[0]).toMatchObject({ kit: "risk-compliance", body: { entityId: entity } });
    const calls = (await toolRows(run.threadId)).map((r) => [r.tool, r.status]);
    // The two evidence lookups run in parallel (one ToolNode step), so their start order is a tie.
    expect(calls.slice(0, 2)).toEqual(
      expect.arrayContaining([
        ["lookup_entity", "ok"],
        ["list_open_alerts", "ok"],
      ]),
    );
    expect(calls.slice(2)).toEqual([["file_triage_action", "ok"]]);
  });

  it("flags escalating a politically exposed person", async () => {
    const entity = await entityWith(
      `exists (select 1 from risk.alerts a where a.entity_id = e.entity_id
         and a.status in ('new','triaging') and a.severity in ('high','critical'))`,
    );
    // The tiny data set has no PEP with severe open alerts; make this one a PEP.
    await database.pool.query("update risk.entities set is_pep = true where entity_id = $1", [entity]);
    const run = await triage(`Triage entity ${entity}`);
    const flags = (await itemsOf(run.threadId)).filter((i) => i.source === "policy-flag");
    expect(flags).toEqual([
      expect.objectContaining({ title: expect.stringContaining("politically exposed") }),
    ]);
  });

  it("an unknown entity is a tool error, not a crash", async () => {
    const run = await triage("Triage entity E9999999");
    expect(run.status).toBe("completed");
    expect((await itemsOf(run.threadId)).map((i) => i.source)).toEqual(["tool-error"]);
  });
});
