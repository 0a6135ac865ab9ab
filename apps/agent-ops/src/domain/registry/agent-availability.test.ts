import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryHarness, type RegistryHarness } from "../../testing/registry-harness.ts";
import { agentAvailability } from "./agent-availability.ts";
import { saveAgentDefinition, saveTool, setRegistryEntryEnabled } from "./registry-writes.ts";

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
