import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type GovernanceHarness, openGovernanceHarness } from "../testing/governance-harness.ts";
import { GovernanceError } from "./errors.ts";
import { upsertNow } from "./lakebase-sink.ts";
import { GovernanceWriter, type GovernedEvent } from "./writer.ts";

let h: GovernanceHarness;
beforeEach(async () => {
  h = await openGovernanceHarness();
});
afterEach(async () => {
  await h.close();
});

const fail = (what: string) => () => {
  throw new Error(`injected: ${what} failed`);
};
const later = () => new Date(Date.now() + 3_600_000);

describe("GovernanceWriter", () => {
  it("writes silver, Lakebase and one bronze event, with versions and read-your-own-write", async () => {
    const writer = h.writer();
    const first = await writer.write(h.table, { id: "m1", name: "churn", risk: 2 }, { actor: "ana" });
    const second = await writer.write(h.table, { id: "m1", name: "churn v2", risk: 3 }, { actor: "ana" });
    expect(first).toMatchObject({ version: 1, lakebase: "applied", bronze: "queued" });
    expect(second.row).toEqual({ id: "m1", name: "churn v2", risk: 3, version: 2 });
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    expect(await writer.read(h.table, { id: "m1" })).toEqual({ row: second.row, source: "lakebase" });
    // Bronze follows behind silver; the trail has both events from the moment each write returned.
    const trail = (events: GovernedEvent[]) => events.map((e) => [e.eventId, e.version, e.actor, e.row.name]);
    const expected = [
      [first.eventId, 1, "ana", "churn"],
      [second.eventId, 2, "ana", "churn v2"],
    ];
    expect(await h.bronzeEventIds()).toEqual([]);
    expect(trail(await writer.events(h.table, { id: "m1" }))).toEqual(expected);
    expect((await writer.outbox.list()).map((e) => [e.sink, e.state])).toEqual([
      ["bronze", "pending"],
      ["bronze", "pending"],
    ]);
    await writer.flushBronze();
    expect((await h.bronzeEventIds()).sort()).toEqual([first.eventId, second.eventId].sort());
    expect(trail(await writer.events(h.table, { id: "m1" }))).toEqual(expected);
    expect(await writer.events(h.table, { id: "m2" })).toEqual([]);
    expect(await writer.outbox.list()).toEqual([]);
  });

  it("appends bronze behind silver on its own, one commit for the writes of a moment", async () => {
    const writer = h.writer({}, 1000, 3000);
    const commits = async () => (await h.lake.history(h.table.bronze)).length;
    const before = await commits();
    const written = await Promise.all(
      ["a", "b", "c"].map((id) => writer.write(h.table, { id, name: id, risk: 1 }, { actor: "ana" })),
    );
    await expect.poll(() => h.bronzeEventIds(), { timeout: 20_000, interval: 200 }).toHaveLength(3);
    expect((await h.bronzeEventIds()).sort()).toEqual(written.map((w) => w.eventId).sort());
    expect(await commits()).toBe(before + 1);
    await expect.poll(() => writer.outbox.list(), { timeout: 10_000 }).toEqual([]);
  });

  it("with the outbox in Lakebase, settles it in the Lakebase transaction; the drain finds bronze's silver version", async () => {
    const writer = new GovernanceWriter({
      lakehouse: h.lake,
      lakebase: h.lakebase,
      tables: [h.table],
      bronzeBehind: { delayMs: 600_000 },
    });
    const w = await writer.write(h.table, { id: "m1", name: "x", risk: 1 }, { actor: "ana" });
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    const [entry] = await writer.outbox.list();
    expect([entry?.sink, entry?.state, entry?.payload.silver_version]).toEqual(["bronze", "pending", -1]);
    expect((await writer.events(h.table, { id: "m1" })).map((e) => e.eventId)).toEqual([w.eventId]);
    // The process stops before its append: the drain appends the event once due, with silver's version.
    expect((await h.writer().drainOutbox({ now: later() })).delivered.bronze).toBe(1);
    const [event] = await h.lake.read(h.table.bronze);
    expect(event).toMatchObject({ event_id: w.eventId, silver_version: w.silverVersion, version: 1 });
    // Lakebase down takes its outbox with it: the write is refused before silver, nothing lands.
    h.lakebase.down = true;
    await expect(writer.write(h.table, { id: "m2", name: "y", risk: 1 }, { actor: "ana" })).rejects.toThrow();
    h.lakebase.down = false;
    expect((await h.silverRows()).map((r) => r.id)).toEqual(["m1"]);
  });

  it("refuses a stale expectedVersion and a replayed event id, writing nothing", async () => {
    const writer = h.writer();
    const w = await writer.write(h.table, { id: "m1", name: "a", risk: 1 }, { actor: "ana", eventId: "e-1" });
    await expect(
      writer.write(h.table, { id: "m1", name: "b", risk: 1 }, { actor: "ana", expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
    await expect(
      writer.write(h.table, { id: "m1", name: "c", risk: 1 }, { actor: "ana", eventId: "e-1" }),
    ).rejects.toMatchObject({ code: "EVENT_IN_FLIGHT" });
    expect(await h.silverRows()).toEqual([{ id: "m1", name: "a", risk: 1, version: w.version }]);
    await writer.flushBronze();
    // Once appended, bronze is what refuses the replay.
    await expect(
      writer.write(h.table, { id: "m1", name: "d", risk: 1 }, { actor: "ana", eventId: "e-1" }),
    ).rejects.toMatchObject({ code: "EVENT_IN_FLIGHT" });
    expect(await h.bronzeEventIds()).toEqual(["e-1"]);
  });

  it("silver fails: the caller gets the error, Lakebase and bronze are unchanged, the outbox is empty", async () => {
    const before = h.writer();
    await before.write(h.table, { id: "m1", name: "before", risk: 1 }, { actor: "ana" });
    await before.flushBronze();
    const writer = h.writer({ silver: fail("silver") });
    const error = await writer
      .write(h.table, { id: "m1", name: "after", risk: 9 }, { actor: "ana" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GovernanceError);
    expect((error as GovernanceError).code).toBe("SILVER_WRITE_FAILED");
    expect(await h.lakebaseRows()).toEqual([{ id: "m1", name: "before", risk: 1, version: 1 }]);
    expect(await h.silverRows()).toEqual(await h.lakebaseRows());
    expect(await h.bronzeEventIds()).toHaveLength(1);
    expect(await writer.outbox.list()).toEqual([]);
  });

  it("Lakebase unavailable: the caller succeeds, the outbox holds it, after recovery Lakebase equals silver", async () => {
    const writer = h.writer();
    h.lakebase.down = true;
    const w = await writer.write(h.table, { id: "m1", name: "queued", risk: 4 }, { actor: "ana" });
    expect(w).toMatchObject({ lakebase: "queued", bronze: "queued", version: 1 });
    await writer.flushBronze();
    const held = await writer.outbox.list();
    expect(held.map((e) => [e.eventId, e.sink, e.state, e.attempts])).toEqual([
      [w.eventId, "lakebase", "pending", 1],
    ]);
    expect(held[0]?.lastError).toContain("ECONNREFUSED");
    // Read-your-own-write while Lakebase lags: the writer answers from silver.
    expect(await writer.read(h.table, { id: "m1" })).toEqual({ row: w.row, source: "silver" });
    expect(await h.lakebaseRows()).toEqual([]);

    h.lakebase.down = false;
    const drained = await writer.drainOutbox({ now: later() });
    expect(drained.delivered.lakebase).toBe(1);
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    expect(await writer.outbox.list()).toEqual([]);
  });

  it("the outbox worker delivers a queued write once Lakebase is back", async () => {
    const writer = h.writer({}, 5);
    h.lakebase.down = true;
    const w = await writer.write(h.table, { id: "m1", name: "later", risk: 2 }, { actor: "ana" });
    expect(w.lakebase).toBe("queued");
    await writer.flushBronze();
    h.lakebase.down = false;
    const delivered = new Promise<void>((resolve) => {
      const worker = writer.startOutboxWorker({
        intervalMs: 5,
        onDrain: (report) => {
          if (report.delivered.lakebase > 0) void worker.stop().then(resolve);
        },
      });
    });
    await delivered;
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    expect(await writer.outbox.list()).toEqual([]);
  });

  it("bronze fails: retried with backoff until it lands, exactly once", async () => {
    let bronzeDown = true;
    const writer = h.writer({
      bronze: () => {
        if (bronzeDown) throw new Error("injected: bronze failed");
      },
    });
    const w = await writer.write(h.table, { id: "m1", name: "x", risk: 1 }, { actor: "ana" });
    expect(w).toMatchObject({ lakebase: "applied", bronze: "queued" });
    // The append behind silver fails: the entry is left to the drain, with one attempt counted.
    await writer.flushBronze();
    expect((await writer.events(h.table)).map((e) => e.eventId)).toEqual([w.eventId]);
    // Not due yet: the retry waits for its backoff.
    expect((await writer.drainOutbox()).delivered.bronze).toBe(0);
    expect((await writer.drainOutbox({ now: later() })).failed.bronze).toBe(1);
    const [entry] = await writer.outbox.list();
    expect(entry?.attempts).toBe(2);
    bronzeDown = false;
    expect((await writer.drainOutbox({ now: later() })).delivered.bronze).toBe(1);
    expect(await h.bronzeEventIds()).toEqual([w.eventId]);
    const [event] = await h.lake.read(h.table.bronze);
    expect(event).toMatchObject({ actor: "ana", version: 1, silver_version: w.silverVersion });
  });

  it("killed between sinks: a new writer instance finds the event in silver and completes it", async () => {
    const crashing = h.writer({
      afterSilver: () => {
        throw new Error("simulated crash after silver");
      },
    });
    await expect(crashing.write(h.table, { id: "m1", name: "x", risk: 1 }, { actor: "ana" })).rejects.toThrow(
      "simulated crash",
    );
    expect(await h.silverRows()).toHaveLength(1);
    expect(await h.lakebaseRows()).toEqual([]);

    const restarted = h.writer();
    // Young intents may still be in flight elsewhere; after the grace period they are resolved.
    expect((await restarted.drainOutbox()).intents.committed).toBe(0);
    const report = await restarted.drainOutbox({ intentGraceMs: 0 });
    expect(report.intents).toEqual({ committed: 1, abandoned: 0 });
    expect(report.delivered).toEqual({ lakebase: 1, bronze: 1 });
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    expect(await h.bronzeEventIds()).toHaveLength(1);
    expect(await restarted.outbox.list()).toEqual([]);
  });

  it("an intent whose silver write never committed is dropped", async () => {
    const writer = h.writer();
    await writer.outbox.recordIntents([
      {
        eventId: "ghost",
        sink: "bronze",
        governedTable: h.table.id,
        rowKey: { id: "m9" },
        payload: {},
        version: 1,
        silverBaseVersion: 0,
      },
    ]);
    const report = await writer.drainOutbox({ intentGraceMs: 0 });
    expect(report.intents).toEqual({ committed: 0, abandoned: 1 });
    expect(await h.bronzeEventIds()).toEqual([]);
  });

  it("an older version never overwrites a newer one in Lakebase", async () => {
    const writer = h.writer();
    await writer.write(h.table, { id: "m1", name: "v1", risk: 1 }, { actor: "ana" });
    await writer.write(h.table, { id: "m1", name: "v2", risk: 1 }, { actor: "ana" });
    // Delivering the first event again (a replay from the outbox) must not roll the row back.
    await upsertNow(h.lakebase, h.table, [{ id: "m1", name: "v1", risk: 1, version: 1 }], { guarded: true });
    expect((await h.lakebaseRows())[0]?.name).toBe("v2");
  });

  it("reconcile repairs Lakebase from silver and reports what it fixed", async () => {
    const writer = h.writer();
    for (const id of ["a", "b", "c"])
      await writer.write(h.table, { id, name: id, risk: 1 }, { actor: "ana" });
    await h.db.pool.query("DELETE FROM registry.models WHERE id = 'a'");
    await h.db.pool.query("UPDATE registry.models SET name = 'drifted', version = 0 WHERE id = 'b'");
    await h.db.pool.query("INSERT INTO registry.models VALUES ('zz', 'rogue', 1, 1)");
    const [report] = await writer.reconcile();
    expect(report).toMatchObject({
      inserted: ['["a"]'],
      updated: ['["b"]'],
      deleted: ['["zz"]'],
      silverRows: 3,
    });
    expect(await h.lakebaseRows()).toEqual(await h.silverRows());
    expect((await writer.reconcile())[0]).toMatchObject({ inserted: [], updated: [], deleted: [] });
  });

  it("stateAsOf answers what silver held at a time", async () => {
    const writer = h.writer();
    const w1 = await writer.write(h.table, { id: "m1", name: "first", risk: 1 }, { actor: "ana" });
    await writer.write(h.table, { id: "m2", name: "other", risk: 1 }, { actor: "ana" });
    await writer.write(h.table, { id: "m1", name: "second", risk: 1 }, { actor: "ana" });
    const then = await writer.stateAsOf(h.table, w1.committedAt, { id: "m1" });
    expect(then).toEqual({ silverVersion: w1.silverVersion, rows: [w1.row] });
    const now = await writer.stateAsOf(h.table, new Date());
    expect(now.rows.map((r) => r.name)).toEqual(["second", "other"]);
  });
});
