import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryHarness, type RegistryHarness } from "../../testing/registry-harness.ts";
import { agentAvailability } from "./agent-availability.ts";
import { saveAgentDefinition, saveTool, setRegistryEntryEnabled } from "./registry-writes.ts";
import { demoRegistry, seedRegistry } from "./seed-registry.ts";

let h: RegistryHarness;
beforeAll(async () => {
  h = await openRegistryHarness();
});
afterAll(async () => {
  await h?.close();
});

const ADMIN = "adam.admin@example.com";
const tool = (toolName: string) => ({
  toolName,
  description: "A tool",
  reads: [],
  riskLevel: "low" as const,
  enabled: true,
  expectedVersion: 0,
});

describe("agentAvailability", () => {
  it("follows the registry: unknown, enabled, a tool disabled, every tool disabled, agent disabled", async () => {
    const ctx = { writer: h.writer };
    expect(await agentAvailability(h.db.pool, "triage")).toMatchObject({
      runnable: false,
      reason: expect.stringMatching(/not in the registry/),
    });
    await saveTool(ctx, tool("look_a"), ADMIN);
    await saveTool(ctx, tool("act_b"), ADMIN);
    await saveAgentDefinition(
      ctx,
      {
        agentId: "triage",
        title: "Triage",
        description: "Triages",
        tools: ["look_a", "act_b"],
        reviewRequired: true,
        enabled: true,
        expectedVersion: 0,
      },
      ADMIN,
    );
    expect(await agentAvailability(h.db.pool, "triage")).toEqual({
      runnable: true,
      tools: ["look_a", "act_b"],
    });

    await setRegistryEntryEnabled(
      ctx,
      { kind: "tool", id: "act_b", enabled: false, expectedVersion: 1 },
      ADMIN,
    );
    expect(await agentAvailability(h.db.pool, "triage")).toEqual({ runnable: true, tools: ["look_a"] });

    await setRegistryEntryEnabled(
      ctx,
      { kind: "tool", id: "look_a", enabled: false, expectedVersion: 1 },
      ADMIN,
    );
    expect(await agentAvailability(h.db.pool, "triage")).toMatchObject({
      runnable: false,
      tools: [],
      reason: expect.stringMatching(/Every tool of agent triage \(look_a, act_b\) is disabled/),
    });

    await setRegistryEntryEnabled(
      ctx,
      { kind: "agent", id: "triage", enabled: false, expectedVersion: 1 },
      ADMIN,
    );
    expect(await agentAvailability(h.db.pool, "triage")).toMatchObject({
      runnable: false,
      reason: expect.stringMatching(
        /triage is disabled in the registry \(version 2, by adam.admin@example.com\)/,
      ),
    });
  });
});

describe("agentAvailability on a fresh deployment", () => {
  it("runs code-declared agents as declared until the registry holds an agent; then the registry decides", async () => {
    const fresh = await openRegistryHarness();
    try {
      const declared = demoRegistry.agents.find((a) => a.agentId === "customer-support");
      expect(await agentAvailability(fresh.db.pool, "customer-support")).toEqual({
        runnable: true,
        tools: declared?.tools,
        note: expect.stringMatching(/runs as declared in code: the registry is not filled yet/),
      });
      expect(await agentAvailability(fresh.db.pool, "not-declared")).toMatchObject({ runnable: false });

      // Another agent registered first: a declared agent missing from the registry no longer starts.
      await saveAgentDefinition(
        { writer: fresh.writer },
        {
          agentId: "other",
          title: "Other",
          description: "Other",
          tools: [],
          reviewRequired: false,
          enabled: true,
          expectedVersion: 0,
        },
        ADMIN,
      );
      expect(await agentAvailability(fresh.db.pool, "customer-support")).toMatchObject({
        runnable: false,
        reason: expect.stringMatching(/not in the registry/),
      });

      // The startup registration fills in the declared agents, governed and enabled.
      await seedRegistry(fresh.writer);
      expect(await agentAvailability(fresh.db.pool, "customer-support")).toEqual({
        runnable: true,
        tools: declared?.tools,
      });
    } finally {
      await fresh.close();
    }
  });
});
