import { describe, expect, it } from "vitest";
import { startKitOutboxWorker } from "./kit-outbox-worker.ts";
import type { GovernanceWriter } from "./writer.ts";

type WorkerOptions = Parameters<GovernanceWriter["startOutboxWorker"]>[0];

/** A writer whose worker the test drives: each tick is a drain that fails or succeeds. */
function drivenWriter() {
  let options: WorkerOptions = {};
  let stopped = false;
  const writer = {
    startOutboxWorker(o: WorkerOptions) {
      options = o;
      return {
        async stop() {
          stopped = true;
        },
      };
    },
  };
  return {
    writer,
    fail: (message: string) => options?.onError?.(new Error(message)),
    drain: () =>
      options?.onDrain?.({
        intents: { committed: 0, abandoned: 0 },
        delivered: { lakebase: 1, bronze: 1 },
        failed: { lakebase: 0, bronze: 0 },
      }),
    intervalMs: () => options?.intervalMs,
    stopped: () => stopped,
  };
}

describe("startKitOutboxWorker", () => {
  it("logs a failure once per distinct message, and again after a successful drain", async () => {
    const logged: string[] = [];
    const w = drivenWriter();
    const worker = startKitOutboxWorker(w.writer, {
      kit: "risk-compliance",
      what: "decision",
      logger: { error: (m) => logged.push(m) },
    });
    w.fail("Lakebase is down");
    w.fail("Lakebase is down");
    w.fail("bronze refused the append");
    w.fail("bronze refused the append");
    w.drain();
    w.fail("bronze refused the append");
    expect(logged).toEqual([
      "[risk-compliance] decision outbox drain failed: Lakebase is down",
      "[risk-compliance] decision outbox drain failed: bronze refused the append",
      "[risk-compliance] decision outbox drain failed: bronze refused the append",
    ]);
    expect(w.intervalMs()).toBe(2000);
    await worker.stop();
    expect(w.stopped()).toBe(true);
  });
});
