import { describe, expect, it } from "vitest";
import { DatabricksApiError } from "./errors.ts";
import { backoffMs, DEFAULT_RETRY, withRetries } from "./retry.ts";

const refused = (status: number, retryAfterMs?: number) =>
  new DatabricksApiError({
    operation: "op",
    kind: "http",
    status,
    serverMessage: "busy",
    hint: "wait",
    retryAfterMs,
  });

describe("withRetries", () => {
  it("retries 429 and 503, waiting what Retry-After asked, then succeeds", async () => {
    const waits: number[] = [];
    const failures = [refused(429, 2000), refused(503, 10)];
    const result = await withRetries("op", { sleep: async (ms) => void waits.push(ms) }, async () => {
      const next = failures.shift();
      if (next) throw next;
      return "done";
    });
    expect([result, waits]).toEqual(["done", [2000, 10]]);
  });

  it("backs off exponentially with jitter when the server names no wait", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, random: () => 0.5 };
    expect([1, 2, 3].map((n) => backoffMs(n, policy, undefined))).toEqual([75, 150, 300]);
    expect(backoffMs(1, { ...policy, random: () => 0 }, undefined)).toBe(50);
    expect(backoffMs(30, policy, undefined)).toBeLessThanOrEqual(policy.maxDelayMs);
  });

  it("gives up after the last attempt with a retries-exhausted error that says so", async () => {
    let calls = 0;
    const attempt = withRetries("Genie message status", { attempts: 3, sleep: async () => {} }, async () => {
      calls += 1;
      throw refused(429);
    });
    await expect(attempt).rejects.toMatchObject({ kind: "retries-exhausted", status: 429 });
    await expect(attempt).rejects.toThrow(
      /Genie message status failed \(HTTP 429\): still refused after 3 tries/,
    );
    expect(calls).toBe(3);
  });

  it("does not wait when the server asks for longer than the policy allows", async () => {
    const waits: number[] = [];
    const attempt = withRetries(
      "op",
      { maxDelayMs: 1000, sleep: async (ms) => void waits.push(ms) },
      async () => {
        throw refused(503, 120_000);
      },
    );
    await expect(attempt).rejects.toThrow(/asked to wait 120 s/);
    expect(waits).toEqual([]);
  });

  it("does not retry other statuses or other errors", async () => {
    let calls = 0;
    await expect(
      withRetries("op", {}, async () => {
        calls += 1;
        throw refused(500);
      }),
    ).rejects.toMatchObject({ status: 500, kind: "http" });
    expect(calls).toBe(1);
  });
});
