import { afterAll, beforeAll, expect, it } from "vitest";
import { type GovernanceHarness, openGovernanceHarness } from "../testing/governance-harness.ts";
import type { GovernanceFaults } from "./context.ts";
import { GovernanceError } from "./errors.ts";
import type { GovernedWrite } from "./write-batch.ts";

const WRITES = 10_000;
const BATCH = 250;
const KEYS = 3_000;

let h: GovernanceHarness;
beforeAll(async () => {
  h = await openGovernanceHarness();
});
afterAll(async () => {
  await h.close();
});

/** mulberry32: a seeded PRNG, so a failing run can be replayed with the same faults. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it(`${WRITES} writes with injected faults end with Lakebase == silver and one bronze event per committed write`, async () => {
  const random = prng(20261122);
  const committed = new Set<string>();
  const refused = new Set<string>();
  const counts = { silverFailed: 0, lakebaseDown: 0, bronzeFailed: 0, crashed: 0 };
  const faults: GovernanceFaults = {};
  let writer = h.writer(faults);
  for (let start = 0; start < WRITES; start += BATCH) {
    const keys = new Set<number>();
    while (keys.size < BATCH) keys.add(Math.floor(random() * KEYS));
    const writes: GovernedWrite[] = [...keys].map((k, i) => ({
      eventId: `e${start + i}`,
      row: { id: `m${String(k).padStart(5, "0")}`, name: `n${start + i}`, risk: Math.floor(random() * 5) },
    }));
    const roll = random();
    faults.silver = roll < 0.1 ? () => Promise.reject(new Error("injected: silver down")) : undefined;
    faults.bronze =
      roll >= 0.1 && roll < 0.25 ? () => Promise.reject(new Error("injected: bronze down")) : undefined;
    faults.afterSilver =
      roll >= 0.25 && roll < 0.3 ? () => Promise.reject(new Error("injected: crash")) : undefined;
    h.lakebase.down = random() < 0.2;
    const ids = writes.map((w) => w.eventId!);
    try {
      await writer.writeMany(h.table, writes, { actor: "fuzz" });
      for (const id of ids) committed.add(id);
      if (faults.bronze) counts.bronzeFailed++;
      if (h.lakebase.down) counts.lakebaseDown++;
    } catch (error) {
      if (error instanceof GovernanceError && error.code === "SILVER_WRITE_FAILED") {
        for (const id of ids) refused.add(id);
        counts.silverFailed++;
      } else {
        expect(String(error)).toContain("injected: crash");
        // The process "died" after silver: those events are committed; a new instance takes over.
        for (const id of ids) committed.add(id);
        counts.crashed++;
        writer = h.writer(faults);
      }
    }
    if (random() < 0.2) await writer.drainOutbox({ now: new Date(Date.now() + 3_600_000), intentGraceMs: 0 });
  }
  expect(Object.values(counts).every((n) => n > 0)).toBe(true);

  h.lakebase.down = false;
  Object.assign(faults, { silver: undefined, bronze: undefined, afterSilver: undefined });
  await writer.flushBronze();
  for (let i = 0; i < 5 && (await writer.outbox.list(1)).length > 0; i++) {
    await writer.drainOutbox({ now: new Date(Date.now() + 3_600_000), intentGraceMs: 0 });
  }
  expect(await writer.outbox.list()).toEqual([]);
  expect(await h.lakebaseRows()).toEqual(await h.silverRows());
  const bronze = await h.bronzeEventIds();
  expect(bronze.length).toBe(committed.size);
  expect(new Set(bronze)).toEqual(committed);
  expect(committed.size + refused.size).toBe(WRITES);
}, 120_000);
