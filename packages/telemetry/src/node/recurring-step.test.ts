import { afterEach, describe, expect, it, vi } from "vitest";
import { recurringStep } from "./recurring-step.ts";

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    log: { info: (l: string) => lines.push(`info ${l}`), error: (l: string) => lines.push(`error ${l}`) },
  };
}

afterEach(() => vi.useRealTimers());

describe("recurringStep", () => {
  it("runs at start and on every tick, logging what each run says", async () => {
    vi.useFakeTimers();
    const { lines, log } = recordingLog();
    let n = 0;
    const step = recurringStep(
      { name: "intake", kit: "demo", everyMs: 1000, run: async () => `run ${++n}` },
      log,
    );
    await step.run();
    await vi.advanceTimersByTimeAsync(2000);
    expect(lines).toEqual([
      "info [demo] intake: run 1",
      "info [demo] intake: run 2",
      "info [demo] intake: run 3",
    ]);
  });

  it("logs a repeated failure once, keeps trying, and never throws into startup", async () => {
    vi.useFakeTimers();
    const { lines, log } = recordingLog();
    const outcomes = [
      new Error("relation risk.alerts does not exist"),
      new Error("relation risk.alerts does not exist"),
      null,
      new Error("again"),
    ];
    const step = recurringStep(
      {
        name: "intake",
        kit: "demo",
        everyMs: 1000,
        run: async () => {
          const next = outcomes.shift();
          if (next instanceof Error) throw next;
          return null;
        },
      },
      log,
    );
    await expect(step.run()).resolves.toBeUndefined();
    await vi.advanceTimersByTimeAsync(3000);
    expect(lines).toEqual([
      "error [demo] intake failed: relation risk.alerts does not exist",
      "error [demo] intake failed: again",
    ]);
  });

  it("does not start a run while the previous one is still going", async () => {
    vi.useFakeTimers();
    let active = 0;
    let most = 0;
    const step = recurringStep(
      {
        name: "slow",
        kit: "demo",
        everyMs: 100,
        run: async () => {
          most = Math.max(most, ++active);
          await new Promise((resolve) => setTimeout(resolve, 350));
          active--;
          return null;
        },
      },
      recordingLog().log,
    );
    const started = step.run();
    await vi.advanceTimersByTimeAsync(1000);
    await started;
    expect(most).toBe(1);
  });
});
