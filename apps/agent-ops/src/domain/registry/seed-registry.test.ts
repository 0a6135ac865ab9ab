import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryHarness, type RegistryHarness } from "../../testing/registry-harness.ts";
import { listRegistry } from "./registry-read.ts";
import { seedGovernedRegistry } from "./seed-governed-registry.ts";
import {
  agentDescriptions,
  agentSpecs,
  demoRegistry,
  REGISTRY_SEED_ACTOR,
  seedRegistry,
  toolGovernance,
} from "./seed-registry.ts";

let h: RegistryHarness;
beforeAll(async () => {
  h = await openRegistryHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("the initial registry", () => {
  it("is every agent the kit runs, each with a description, and every tool they call, each with reads and risk", () => {
    expect(demoRegistry.agents.map((a) => a.agentId).sort()).toEqual(agentSpecs.map((s) => s.name).sort());
    expect(Object.keys(agentDescriptions).sort()).toEqual(agentSpecs.map((s) => s.name).sort());
    const called = agentSpecs.flatMap((s) => [...(s.evidence?.tools ?? []), ...s.tools].map((t) => t.name));
    expect(Object.keys(toolGovernance).sort()).toEqual([...new Set(called)].sort());
    expect(demoRegistry.tools.map((t) => t.toolName).sort()).toEqual([...new Set(called)].sort());
    for (const spec of agentSpecs) {
      const agent = demoRegistry.agents.find((a) => a.agentId === spec.name);
      expect(agent?.reviewRequired).toBe(spec.reviewedTools.length > 0);
      expect(agent?.tools).toEqual(expect.arrayContaining(spec.reviewedTools));
    }
  });
});

describe("seedRegistry", () => {
  it("registers the demo tools and agents once, even when two seeders run at the same time", async () => {
    const [a, b] = await Promise.all([seedRegistry(h.writer), seedRegistry(h.writer)]);
    const toolNames = demoRegistry.tools.map((t) => t.toolName);
    const agentIds = demoRegistry.agents.map((x) => x.agentId);
    expect([...a.tools, ...b.tools].sort()).toEqual([...toolNames].sort());
    expect([...a.agents, ...b.agents].sort()).toEqual([...agentIds].sort());
    const registry = await listRegistry(h.db.pool);
    expect(registry.tools.map((t) => t.toolName)).toEqual([...toolNames].sort());
    expect(registry.agents.map((x) => x.agentId)).toEqual([...agentIds].sort());
    expect(registry.tools.every((t) => t.version === 1 && t.updatedBy === REGISTRY_SEED_ACTOR)).toBe(true);
    // Every tool an agent names is registered.
    for (const agent of registry.agents) expect(toolNames).toEqual(expect.arrayContaining(agent.tools));
    expect(await h.bronzeEvents()).toHaveLength(toolNames.length + agentIds.length);
  });

  it("changes nothing when the registry is already there, including an admin's later edits", async () => {
    const name = demoRegistry.tools[0]!.toolName;
    await h.writer.write(
      "agent_ops.tool_registry",
      { ...(await h.writer.read("agent_ops.tool_registry", { tool_name: name })).row, enabled: false },
      { actor: "adam.admin@example.com", expectedVersion: 1 },
    );
    const before = (await h.bronzeEvents()).length;
    expect(await seedRegistry(h.writer)).toEqual({ tools: [], agents: [] });
    expect((await h.bronzeEvents()).length).toBe(before);
    const tool = (await listRegistry(h.db.pool)).tools.find((t) => t.toolName === name);
    expect(tool).toMatchObject({ enabled: false, version: 2 });
  });

  it("seeds from the kit's seed through a lakehouse folder it opens and closes", async () => {
    const other = await openRegistryHarness();
    const directory = other.directory;
    await other.lakehouse.close();
    try {
      const pool = other.db.pool;
      const { tools, agents } = demoRegistry;
      expect(await seedGovernedRegistry({ pool, lakehouseDir: directory })).toBe(
        `governed registry: registered ${tools.length} tool(s) and ${agents.length} agent(s)`,
      );
      expect(await seedGovernedRegistry({ pool, lakehouseDir: directory })).toBe(
        "governed registry already seeded",
      );
      expect((await listRegistry(pool)).agents.map((a) => a.agentId)).toEqual(
        agents.map((a) => a.agentId).sort(),
      );
    } finally {
      // Its lakehouse is closed already; closing twice is a no-op.
      await other.close();
    }
  });
});
