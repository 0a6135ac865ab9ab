import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedKit } from "./seed.ts";
import { createServedDataDatabase } from "./testing/served-data-database.ts";
import type { TestDatabase } from "./testing/test-database.ts";

let database: TestDatabase;
let lakehouseDir: string;
beforeAll(async () => {
  database = await createServedDataDatabase({ governance: true });
  lakehouseDir = mkdtempSync(path.join(tmpdir(), "agent-ops-seed-"));
});
afterAll(async () => {
  await database.close();
  rmSync(lakehouseDir, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await database.pool.query<{ n: string }>(sql)).rows[0]?.n);

describe("seedKit", () => {
  it("leaves a history made by really running both agents, and a second run adds nothing", async () => {
    const lines: string[] = [];
    const first = await seedKit({
      pool: database.pool,
      scale: "tiny",
      seed: 42,
      lakehouseDir,
      log: (l) => lines.push(l),
    });
    expect(first.summary).toMatch(
      /^demo history: 12 agent run\(s\) \(\d+ completed, \d+ waiting for review, 0 failed\)/,
    );
    expect(lines[0]).toMatch(/governed registry/);

    const runs = await database.pool.query<{ agent: string; status: string; n: string }>(
      "select agent, status, count(*) as n from agent_ops.agent_run group by agent, status order by agent, status",
    );
    expect(runs.rows.map((r) => [r.agent, r.status, Number(r.n)])).toEqual([
      ["customer-support", "completed", 5],
      ["customer-support", "interrupted", 2],
      ["risk-triage", "completed", 4],
      ["risk-triage", "interrupted", 1],
    ]);
    // Decisions of every kind, pending interrupts for both agents, tool errors, and real checkpoints.
    const decisions = await database.pool.query<{ decision: string }>(
      "select distinct decision from agent_ops.review_item where decision is not null order by decision",
    );
    expect(decisions.rows.map((r) => r.decision)).toEqual(["approve", "edit", "reject"]);
    expect(
      await count("select count(*) as n from agent_ops.review_item where source = 'tool-error'"),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count(
        "select count(*) as n from agent_ops.review_item where source = 'interrupt' and status = 'pending'",
      ),
    ).toBe(3);
    expect(
      await count("select count(*) as n from agent_ops.tool_call where status = 'error'"),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count("select count(*) as n from agent_ops.tool_call where tool = 'file_triage_action'"),
    ).toBeGreaterThan(0);
    expect(await count("select count(distinct thread_id) as n from agent_checkpoints.checkpoints")).toBe(12);
    expect(await count("select count(*) as n from agent_ops.assessment_handoff")).toBeGreaterThanOrEqual(6);

    const again = await seedKit({
      pool: database.pool,
      scale: "tiny",
      seed: 42,
      lakehouseDir,
      log: () => {},
    });
    expect(again.summary).toMatch(/^demo history: 0 agent run\(s\) .*12 already there/);
    expect(await count("select count(*) as n from agent_ops.agent_run")).toBe(12);
  });
});
