import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GovernanceHarness, openGovernanceHarness } from "../testing/governance-harness.ts";

let h: GovernanceHarness;
beforeEach(async () => {
  h = await openGovernanceHarness();
});
afterEach(async () => {
  await h.close();
});

const silverCommits = async () => (await h.lake.history(h.table.silver)).length;

describe("group commit", () => {
  it("concurrent writes share silver commits, and each lands once everywhere", async () => {
    const writer = h.writer();
    const before = await silverCommits();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writer.write(h.table, { id: `m${i}`, name: `n${i}`, risk: i % 5 }, { actor: "ana" }),
      ),
    );
    // The first write commits alone; the eleven that queued behind it commit as one group.
    expect(await silverCommits()).toBe(before + 2);
    expect(new Set(results.map((r) => r.silverVersion)).size).toBe(2);
    expect(results.every((r) => r.version === 1 && r.lakebase === "applied")).toBe(true);
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    await writer.flushBronze();
    expect((await h.bronzeEventIds()).sort()).toEqual(results.map((r) => r.eventId).sort());
    expect(await writer.outbox.list()).toEqual([]);
  });

  it("one refused write in a group (stale version, replayed event id) leaves the others to land", async () => {
    const writer = h.writer();
    await writer.write(h.table, { id: "m1", name: "first", risk: 1 }, { actor: "ana", eventId: "e-1" });
    const outcomes = await Promise.allSettled([
      writer.write(h.table, { id: "m0", name: "head", risk: 0 }, { actor: "ana" }),
      writer.write(h.table, { id: "m1", name: "stale", risk: 9 }, { actor: "bo", expectedVersion: 0 }),
      writer.write(h.table, { id: "m2", name: "ok", risk: 2 }, { actor: "cy" }),
      writer.write(h.table, { id: "m3", name: "replay", risk: 3 }, { actor: "di", eventId: "e-1" }),
      writer.write(h.table, { id: "m4", name: "twice", risk: 4 }, { actor: "ed", eventId: "e-4" }),
      writer.write(h.table, { id: "m5", name: "twice again", risk: 5 }, { actor: "ed", eventId: "e-4" }),
      writer.writeMany(h.table, [{ row: { id: "m6", name: "batch", risk: 6 } }], { actor: "fi" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "rejected",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    const reasons = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason.code] : []));
    expect(reasons).toEqual(["VERSION_CONFLICT", "EVENT_IN_FLIGHT", "EVENT_IN_FLIGHT"]);
    expect((await h.silverRows()).map((r) => [r.id, r.name, r.version])).toEqual([
      ["m0", "head", 1],
      ["m1", "first", 1],
      ["m2", "ok", 1],
      ["m4", "twice", 1],
      ["m6", "batch", 1],
    ]);
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    await writer.flushBronze();
    expect(await h.bronzeEventIds()).toHaveLength(5);
    expect(await writer.outbox.list()).toEqual([]);
  });

  it("concurrent writes to one key each get their own version, in arrival order", async () => {
    const writer = h.writer();
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((name) =>
        writer.write(h.table, { id: "m1", name, risk: 1 }, { actor: "ana" }),
      ),
    );
    expect(results.map((r) => [r.row.name, r.version])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 4],
    ]);
    expect(await h.silverRows()).toEqual([{ id: "m1", name: "d", risk: 1, version: 4 }]);
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    expect((await writer.events(h.table, { id: "m1" })).map((e) => e.row.name)).toEqual(["a", "b", "c", "d"]);
    await writer.flushBronze();
    expect(await h.bronzeEventIds()).toHaveLength(4);
  });

  it("silver failing fails the whole group, and writes after it still land", async () => {
    let silverDown = false;
    const writer = h.writer({
      silver: () => {
        if (silverDown) throw new Error("injected: silver failed");
      },
    });
    const head = writer.write(h.table, { id: "m0", name: "head", risk: 0 }, { actor: "ana" });
    silverDown = true;
    const group = Promise.allSettled(
      [1, 2, 3].map((i) => writer.write(h.table, { id: `m${i}`, name: "x", risk: i }, { actor: "ana" })),
    );
    // The switch comes before the head write reaches its silver step, so it fails too.
    await expect(head).rejects.toMatchObject({ code: "SILVER_WRITE_FAILED" });
    const outcomes = await group;
    expect(outcomes.every((o) => o.status === "rejected" && o.reason.code === "SILVER_WRITE_FAILED")).toBe(
      true,
    );
    silverDown = false;
    await writer.write(h.table, { id: "m9", name: "after", risk: 1 }, { actor: "ana" });
    expect((await h.silverRows()).map((r) => r.id)).toEqual(["m9"]);
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    await writer.flushBronze();
    expect(await writer.outbox.list()).toEqual([]);
  });
});
