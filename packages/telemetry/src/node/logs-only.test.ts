import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const KIT = fileURLToPath(new URL("../testing/kit-without-telemetry.ts", import.meta.url));

describe("a kit with telemetry unset", () => {
  it("writes only JSON log lines, with trace ids inside requests, and no exporter errors", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_RUNTIME: "nodejs" };
    for (const name of Object.keys(env)) if (name.startsWith("OTEL_")) delete env[name];
    const run = spawnSync(process.execPath, ["--import", "tsx", KIT], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const lines = `${run.stdout}${run.stderr}`.split("\n").filter((l) => l.trim() !== "");
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => [r.level, r.message])).toEqual([
      ["info", "server ready on port 3999"],
      ["info", "customers listed"],
      ["error", expect.stringContaining("Error: a handled failure")],
    ]);
    expect(records[0]).not.toHaveProperty("trace_id");
    expect(records[1]).toMatchObject({
      service: "logs-only-kit",
      rows: 3,
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(records[2]?.trace_id).toBe(records[1]?.trace_id);
    expect(lines.join("\n")).not.toMatch(/telemetry:|OTLP|export/i);
  });
});
