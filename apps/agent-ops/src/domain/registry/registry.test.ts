import { GovernanceWriter } from "@appbase/lakehouse/governance";
import { ConflictError, FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { governedTables } from "../../db/governed.ts";
import { openRegistryHarness, type RegistryHarness } from "../../testing/registry-harness.ts";
import { registryAsOf } from "./registry-as-of.ts";
import type { ToolInput } from "./registry-input.ts";
import { listRegistry } from "./registry-read.ts";
import { saveAgentDefinition, saveTool, setRegistryEntryEnabled } from "./registry-writes.ts";

let h: RegistryHarness;
beforeAll(async () => {
  h = await openRegistryHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.lakebase.down = false;
});

const ADMIN = "adam.admin@example.com";
let n = 0;
const tool = (overrides: Partial<ToolInput> = {}): ToolInput => ({
  toolName: `tool_${++n}`,
  description: "Looks something up",
  reads: ["commerce.orders"],
  riskLevel: "low",
  enabled: true,
  expectedVersion: 0,
  ...overrides,
});

async function silverTool(name: string) {
  const rows = await h.lakehouse.read("appbase.agent_ops.tool_registry", {
    where: { column: "tool_name", op: "=", value: name },
  });
  return rows[0];
}
async function lakebaseTool(name: string) {
  const { rows } = await h.db.pool.query("SELECT * FROM agent_ops.tool_registry WHERE tool_name = $1", [
    name,
  ]);
  return rows[0];
}

describe("registry writes through the Governance Writer", () => {
  it("saves a tool: Lakebase and silver agree, and bronze holds one event naming the actor", async () => {
    const before = (await h.bronzeEvents()).length;
    const saved = await saveTool(
      { writer: h.writer },
      tool({ reads: ["commerce.orders", "crm.customers"] }),
      ADMIN,
    );
    expect(saved).toMatchObject({
      version: 1,
      updatedBy: ADMIN,
      reads: ["commerce.orders", "crm.customers"],
    });
    const silver = await silverTool(saved.toolName);
    const lakebase = await lakebaseTool(saved.toolName);
    expect(Number(lakebase?.version)).toBe(1);
    expect(silver).toMatchObject({
      tool_name: saved.toolName,
      reads: "commerce.orders,crm.customers",
      version: 1,
    });
    expect(lakebase).toMatchObject({
      reads: silver?.reads,
      risk_level: silver?.risk_level,
      enabled: silver?.enabled,
    });
    const events = (await h.bronzeEvents()).slice(before);
    expect(events).toEqual([
      {
        governed_table: "agent_ops.tool_registry",
        row_key: JSON.stringify({ tool_name: saved.toolName }),
        version: 1,
        actor: ADMIN,
      },
    ]);
  });

  it("refuses a save at a stale version with a conflict carrying the stored entry", async () => {
    const first = await saveTool({ writer: h.writer }, tool(), ADMIN);
    await saveTool(
      { writer: h.writer },
      { ...first, riskLevel: "medium", expectedVersion: 1 },
      "rita@example.com",
    );
    const stale = saveTool({ writer: h.writer }, { ...first, riskLevel: "high", expectedVersion: 1 }, ADMIN);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(
      /changed by rita@example.com \(now version 2\) after you opened version 1/,
    );
    const error = (await stale.catch((e: unknown) => e)) as ConflictError<{ riskLevel: string }>;
    expect(error.current.riskLevel).toBe("medium");
    expect(await silverTool(first.toolName)).toMatchObject({ risk_level: "medium", version: 2 });
  });

  it("refuses registering a name that is already registered", async () => {
    const first = await saveTool({ writer: h.writer }, tool(), ADMIN);
    await expect(saveTool({ writer: h.writer }, tool({ toolName: first.toolName }), ADMIN)).rejects.toThrow(
      /already registered \(version 1\)/,
    );
  });

  it("refuses an agent that names a tool missing from the registry, naming it", async () => {
    const known = await saveTool({ writer: h.writer }, tool(), ADMIN);
    const agent = {
      agentId: "triage-x",
      title: "Triage",
      description: "Triages",
      tools: [known.toolName, "not_registered"],
      reviewRequired: false,
      enabled: true,
      expectedVersion: 0,
    };
    const refused = saveAgentDefinition({ writer: h.writer }, agent, ADMIN);
    await expect(refused).rejects.toBeInstanceOf(FieldRuleError);
    await expect(refused).rejects.toThrow(/not_registered is not in the tool registry/);
    const saved = await saveAgentDefinition(
      { writer: h.writer },
      { ...agent, tools: [known.toolName] },
      ADMIN,
    );
    expect(saved).toMatchObject({ agentId: "triage-x", tools: [known.toolName], version: 1 });
  });

  it("disables a tool at the version seen and keeps the rest of the entry", async () => {
    const first = await saveTool({ writer: h.writer }, tool({ riskLevel: "high" }), ADMIN);
    const change = { kind: "tool" as const, id: first.toolName, enabled: false, expectedVersion: 1 };
    const disabled = await setRegistryEntryEnabled({ writer: h.writer }, change, ADMIN);
    expect(disabled).toMatchObject({ enabled: false, version: 2, riskLevel: "high", reads: first.reads });
    await expect(setRegistryEntryEnabled({ writer: h.writer }, change, ADMIN)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      setRegistryEntryEnabled({ writer: h.writer }, { ...change, id: "never_registered" }, ADMIN),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("when Lakebase is down", () => {
  it("keeps the save, lists it from silver, and the outbox drain repairs Lakebase", async () => {
    const first = await saveTool({ writer: h.writer }, tool(), ADMIN);
    h.lakebase.down = true;
    const saved = await saveTool(
      { writer: h.writer },
      { ...first, enabled: false, expectedVersion: 1 },
      ADMIN,
    );
    expect(saved).toMatchObject({ enabled: false, version: 2 });
    h.lakebase.down = false;
    expect(await lakebaseTool(first.toolName)).toMatchObject({ enabled: true });
    const held = (await h.writer.outbox.list()).filter((e) => e.sink === "lakebase");
    expect(held.map((e) => e.rowKey)).toEqual([{ tool_name: first.toolName }]);
    // Read-your-own-write: the listing shows the save although Lakebase still has the old row.
    const listed = (await listRegistry(h.db.pool, h.writer)).tools.find((t) => t.toolName === first.toolName);
    expect(listed).toMatchObject({ enabled: false, version: 2 });
    const report = await h.writer.drainOutbox();
    expect(report.delivered.lakebase).toBe(1);
    expect(await lakebaseTool(first.toolName)).toMatchObject({ enabled: false });
    expect(Number((await lakebaseTool(first.toolName))?.version)).toBe(2);
    expect((await h.writer.outbox.list()).filter((e) => e.sink === "lakebase")).toEqual([]);
  });
});

describe("registryAsOf", () => {
  it("returns the registry as it was before a later change, from the lakehouse history", async () => {
    const first = await saveTool({ writer: h.writer }, tool(), ADMIN);
    const [committed] = await h.lakehouse.history("appbase.agent_ops.tool_registry", { limit: 1 });
    await setRegistryEntryEnabled(
      { writer: h.writer },
      { kind: "tool", id: first.toolName, enabled: false, expectedVersion: 1 },
      ADMIN,
    );
    const then = await registryAsOf(h.writer, new Date(committed!.timestamp));
    expect(then.tools.find((t) => t.toolName === first.toolName)).toMatchObject({
      enabled: true,
      version: 1,
    });
    expect(then.silverVersions.tools).toBe(committed!.version);
    const now = await registryAsOf(h.writer, new Date());
    expect(now.tools.find((t) => t.toolName === first.toolName)).toMatchObject({
      enabled: false,
      version: 2,
    });
  });

  it("is empty before the registry tables existed", async () => {
    const past = await registryAsOf(h.writer, new Date("2001-01-01T00:00:00Z"));
    expect(past).toMatchObject({ agents: [], tools: [], silverVersions: { agents: null, tools: null } });
  });
});

describe("when silver refuses the write", () => {
  it("says nothing was saved, and neither Lakebase nor bronze changed", async () => {
    const failing = new GovernanceWriter({
      lakehouse: h.lakehouse,
      lakebase: h.lakebase,
      outbox: h.db.pool,
      tables: governedTables,
      faults: {
        silver: () => Promise.reject(new Error("warehouse stopped")),
      },
    });
    const before = (await h.bronzeEvents()).length;
    const name = `tool_refused_${++n}`;
    const refused = saveTool({ writer: failing }, tool({ toolName: name }), ADMIN);
    await expect(refused).rejects.toBeInstanceOf(FieldRuleError);
    await expect(refused).rejects.toThrow(
      /Nothing was saved: the lakehouse did not accept the write \(warehouse stopped\)/,
    );
    expect(await lakebaseTool(name)).toBeUndefined();
    expect(await silverTool(name)).toBeUndefined();
    expect((await h.bronzeEvents()).length).toBe(before);
    expect((await h.writer.outbox.list()).filter((e) => e.rowKey.tool_name === name)).toEqual([]);
  });
});
