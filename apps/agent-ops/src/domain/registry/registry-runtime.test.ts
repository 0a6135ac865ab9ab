import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistryLakehouse, RegistryLakehouseUnavailable } from "../../server/registry-lakehouse.ts";
import { openRegistryHarness, type RegistryHarness } from "../../testing/registry-harness.ts";
import { listRegistry } from "./registry-read.ts";
import { oncePerProcess, startRegistryRuntime } from "./registry-runtime.ts";
import { saveTool } from "./registry-writes.ts";

let h: RegistryHarness;
beforeAll(async () => {
  h = await openRegistryHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("startRegistryRuntime", () => {
  it("creates the lakehouse tables, seeds the registry, and its worker delivers what Lakebase missed", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "agent-ops-runtime-"));
    const lakehouse = await openLocalLakehouse({ directory });
    const runtime = await startRegistryRuntime({
      lakehouse,
      lakebase: h.lakebase,
      outbox: h.db.pool,
      workerIntervalMs: 20,
    });
    try {
      expect(await lakehouse.listTables("appbase.agent_ops")).toEqual([
        "appbase.agent_ops.agent_definition",
        "appbase.agent_ops.registry_events",
        "appbase.agent_ops.tool_registry",
      ]);
      const seeded = await listRegistry(h.db.pool);
      expect(seeded.agents.map((a) => a.agentId)).toEqual([
        "customer-support",
        "maintenance-planner",
        "risk-triage",
      ]);
      h.lakebase.down = true;
      const saved = await saveTool(
        { writer: runtime.writer },
        { ...seeded.tools[0]!, enabled: false, expectedVersion: seeded.tools[0]!.version },
        "adam.admin@example.com",
      );
      h.lakebase.down = false;
      // The worker, not the test, delivers it: wait for the row to arrive.
      await expect
        .poll(
          async () =>
            (
              await h.db.pool.query("SELECT enabled FROM agent_ops.tool_registry WHERE tool_name = $1", [
                saved.toolName,
              ])
            ).rows[0]?.enabled,
          { timeout: 10_000, interval: 25 },
        )
        .toBe(false);
    } finally {
      await runtime.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("openRegistryLakehouse", () => {
  it("says what to bind when no lakehouse is configured", async () => {
    await expect(openRegistryLakehouse({})).rejects.toThrow(
      /No lakehouse is configured.*APPBASE_LAKEHOUSE_DIR.*bind DATABRICKS_WAREHOUSE_ID/,
    );
    await expect(
      openRegistryLakehouse({
        DATABRICKS_HOST: "https://example.cloud.databricks.com",
        DATABRICKS_WAREHOUSE_ID: "abc123",
      }),
    ).rejects.toThrow(/DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET are not set/);
    await expect(openRegistryLakehouse({})).rejects.toBeInstanceOf(RegistryLakehouseUnavailable);
  });

  it("names the folder when the local lakehouse cannot be opened", async () => {
    await expect(openRegistryLakehouse({ APPBASE_LAKEHOUSE_DIR: "/dev/null/nowhere" })).rejects.toThrow(
      /APPBASE_LAKEHOUSE_DIR=\/dev\/null\/nowhere could not be opened/,
    );
  });
});

describe("oncePerProcess", () => {
  it("starts once for concurrent callers and retries after a failed start", async () => {
    let starts = 0;
    const failing = () => {
      starts += 1;
      return Promise.reject(new Error("lakehouse busy"));
    };
    await expect(oncePerProcess("test:failing", failing)).rejects.toThrow("lakehouse busy");
    await expect(oncePerProcess("test:failing", failing)).rejects.toThrow("lakehouse busy");
    expect(starts).toBe(2);
    let opened = 0;
    const open = async () => ++opened;
    const results = await Promise.all([1, 2, 3].map(() => oncePerProcess("test:ok", open)));
    expect(results).toEqual([1, 1, 1]);
    expect(opened).toBe(1);
  });
});
