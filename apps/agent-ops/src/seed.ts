import type pg from "pg";
import { loadBulkHistory } from "./bulk-history.ts";
import type { AgentName } from "./domain/agents/agents.ts";
import type { ReviewResume } from "./domain/agents/human-review.ts";
import { recordAssessmentHandoff } from "./domain/evaluation/assessment-handoff.ts";
import { decideReviewItem } from "./domain/queue/decide.ts";
import { claimItem, listReviewItems } from "./domain/queue/queue.ts";
import { seedGovernedRegistry } from "./domain/registry/seed-governed-registry.ts";
import { type RunStatus, resumeAgentRun, startAgentRun } from "./domain/runs/runs.ts";

/** What `appbase up` hands the kit's seed (KitSeedContext of @appbase/cli). */
export interface AgentOpsSeedContext {
  pool: pg.Pool;
  scale: "tiny" | "default" | "large";
  seed: number;
  lakehouseDir: string;
  log: (line: string) => void;
}

const RUNS_BY_SCALE = { tiny: 12, default: 60, large: 120 } as const;
/** Past threads written in bulk beside the runs (the threads list at its large scale). */
const PAST_THREADS_BY_SCALE = { tiny: 0, default: 0, large: 100_000 } as const;
const OPERATOR = "olga.operator@example.com";
const REVIEWERS = ["rita.reviewer@example.com", "ravi.reviewer@example.com"];

type Decision = ReviewResume["decision"] | "leave";

// One demo conversation: which agent, what was asked, and what the reviewer does with its pause.
interface Scenario {
  agent: AgentName;
  request: (pick: Picks) => string;
  decision: Decision;
}

interface Picks {
  order: (broken: boolean) => string;
  entity: () => string;
}

// The mix the history shows: approvals, edits and rejections, runs still waiting, tool errors.
const SCENARIOS: Scenario[] = [
  {
    agent: "customer-support",
    request: (p) => `Please refund order ${p.order(false)}, it arrived broken`,
    decision: "approve",
  },
  { agent: "customer-support", request: (p) => `Refund ${p.order(false)}: wrong size`, decision: "leave" },
  { agent: "risk-triage", request: (p) => `Triage entity ${p.entity()}`, decision: "approve" },
  {
    agent: "customer-support",
    request: (p) => `Where is my refund for ${p.order(true)}?`,
    decision: "approve",
  },
  { agent: "risk-triage", request: (p) => `Triage entity ${p.entity()} (weekly review)`, decision: "reject" },
  {
    agent: "customer-support",
    request: (p) => `Refund ${p.order(false)}, only one item was damaged`,
    decision: "edit",
  },
  {
    agent: "risk-triage",
    request: (p) => `Triage entity ${p.entity()} after the new alert`,
    decision: "leave",
  },
  { agent: "risk-triage", request: () => "Triage entity E9999999 (closed account)", decision: "approve" },
];

const RATIONALES: Record<ReviewResume["decision"], string> = {
  approve: "Checked against the evidence; within policy.",
  reject: "Not enough evidence for this action; keep the alerts open.",
  edit: "Partial refund: only part of the order is affected.",
};

function picksFor(seed: number, index: number, entities: string[]): Picks {
  return {
    // Order ids ending in 0 are archived (the lookup fails); the others end in 1..9.
    order: (broken) => {
      const base = 100 + ((seed * 31 + index * 97) % 899);
      return `ORD-${base}${broken ? 0 : 1 + (index % 9)}`;
    },
    entity: () => entities[(seed + index * 7) % Math.max(entities.length, 1)] ?? "E0000001",
  };
}

async function decide(pool: pg.Pool, threadId: string, decision: ReviewResume["decision"], index: number) {
  const items = await listReviewItems(pool, { viewer: OPERATOR, seeAll: true });
  const item = items.find(
    (i) => i.threadId === threadId && i.source === "interrupt" && i.status === "pending",
  );
  if (!item) return undefined;
  const reviewer = REVIEWERS[index % REVIEWERS.length] as string;
  const payload = item.payload as { args?: { amount?: number } };
  const editedArgs =
    decision === "edit" ? { amount: Math.round((payload.args?.amount ?? 10) * 50) / 100 } : undefined;
  const claimed = await claimItem(pool, { itemId: item.id, reviewer });
  const decided = await decideReviewItem(pool, {
    itemId: item.id,
    reviewer,
    expectedVersion: claimed.version,
    decision,
    rationale: RATIONALES[decision],
    ...(editedArgs ? { editedValue: editedArgs } : {}),
  });
  await recordAssessmentHandoff(pool, decided, { experimentBound: false });
  return resumeAgentRun(pool, {
    threadId,
    resume: { decision, rationale: RATIONALES[decision], ...(editedArgs ? { editedArgs } : {}) },
  });
}

/**
 * Demo history made by really running both agents (scripted model) over deterministic requests: real
 * checkpoints, tool-call rows, review items and decisions. Thread ids carry the seed and index, so a
 * second run with the same seed adds nothing. Also seeds the governed registry.
 */
export async function seedKit(ctx: AgentOpsSeedContext): Promise<{ summary: string }> {
  const registry = await seedGovernedRegistry({ pool: ctx.pool, lakehouseDir: ctx.lakehouseDir });
  ctx.log(registry);
  const { rows } = await ctx.pool.query<{ entity_id: string }>(
    "select entity_id from risk.entities order by entity_id limit 500",
  );
  const entities = rows.map((r) => r.entity_id);
  const total = RUNS_BY_SCALE[ctx.scale];
  const outcome: Record<RunStatus | "skipped", number> = {
    running: 0,
    interrupted: 0,
    completed: 0,
    failed: 0,
    skipped: 0,
  };
  for (let index = 0; index < total; index += 1) {
    const threadId = `thread-demo-${ctx.seed}-${String(index).padStart(4, "0")}`;
    const known = await ctx.pool.query("select 1 from agent_ops.agent_run where thread_id = $1", [threadId]);
    if (known.rows.length > 0) {
      outcome.skipped += 1;
      continue;
    }
    const scenario = SCENARIOS[index % SCENARIOS.length] as Scenario;
    const started = await startAgentRun(ctx.pool, {
      agent: scenario.agent,
      request: scenario.request(picksFor(ctx.seed, index, entities)),
      startedBy: OPERATOR,
      threadId,
    });
    const finished =
      started.status === "interrupted" && scenario.decision !== "leave"
        ? ((await decide(ctx.pool, threadId, scenario.decision, index)) ?? started)
        : started;
    outcome[finished.status] += 1;
    if ((index + 1) % 20 === 0) ctx.log(`demo runs: ${index + 1}/${total}`);
  }
  const past = PAST_THREADS_BY_SCALE[ctx.scale];
  const pastAdded =
    past > 0 ? await loadBulkHistory(ctx.pool, { threads: past, seed: ctx.seed, log: ctx.log }) : 0;
  const summary =
    `demo history: ${total - outcome.skipped} agent run(s) (${outcome.completed} completed, ` +
    `${outcome.interrupted} waiting for review, ${outcome.failed} failed)` +
    (outcome.skipped > 0 ? `, ${outcome.skipped} already there` : "") +
    (past > 0 ? `, ${pastAdded.toLocaleString("en-US")} past thread(s) written in bulk` : "");
  return { summary: `${summary}; ${registry}` };
}
