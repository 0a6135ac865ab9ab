import { randomUUID } from "node:crypto";
import {
  applyPreview,
  diffPreview,
  discardPreview,
  listPreviews,
  preparePreview,
} from "@appbase/branches/preview";
import { type LocalLakebaseFixture, startLocalLakebaseFixture } from "@appbase/branches/testing";
import { FieldRuleError } from "@appbase/next-kit/errors";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import kit from "../../../kit.ts";
import { insertAssets, insertTechnicians, people } from "../../testing/fixtures.ts";
import { portalTemplate } from "../../testing/test-database.ts";
import { assignWorkOrder } from "../work-orders/assign-work-order.ts";
import { createWorkOrder } from "../work-orders/create-work-order.ts";
import { getWorkOrder } from "../work-orders/work-order.ts";
import {
  planSiteChange,
  previewDiffTables,
  runSiteChange,
  type SiteChange,
  type SiteChangePlan,
} from "./site-change.ts";

// Previews on the embedded Lakebase's branch host: the change runs on a real branch, the diff is
// read against main, and apply re-runs it on main through the domain functions.
let lakebase: LocalLakebaseFixture;
let main: pg.Pool;
const planner = people.planner;
const KIT = kit.id;

const prepare = (change: SiteChange) =>
  preparePreview<SiteChangePlan>(lakebase.branches, {
    kit: KIT,
    title: change.kind,
    preparedBy: planner.email,
    plan: (db) => planSiteChange(db, planner, change),
    run: async (db, plan) => {
      const outcome = await runSiteChange(db, planner, plan);
      expect(outcome.conflicts).toEqual([]);
    },
  });

async function open(
  assetId: string,
  assigneeId: string | null,
  kind: "reactive" | "preventive" = "reactive",
) {
  return createWorkOrder(main, {
    assetId,
    title: `Check ${assetId}`,
    kind,
    priority: "medium",
    assigneeId,
    requestId: randomUUID(),
    actor: planner.email,
  });
}

beforeAll(async () => {
  lakebase = await startLocalLakebaseFixture("select 1", portalTemplate);
  main = new pg.Pool({ connectionString: lakebase.main.url, max: 2 });
  await insertAssets(main, [
    { assetId: "A1", siteId: "S1" },
    { assetId: "A2", siteId: "S1" },
    { assetId: "B1", siteId: "S2" },
  ]);
  await insertTechnicians(main);
}, 60_000);

afterAll(async () => {
  await main?.end();
  await lakebase?.close();
});

describe("site-change previews on a branch", () => {
  it("a bulk reassignment shows its row diff, leaves main alone, and applies on main; a changed order is a conflict", async () => {
    const a = await open("A1", "tom");
    const b = await open("A2", "tom");
    const elsewhere = await open("B1", "tom");
    const preview = await prepare({
      kind: "reassign",
      siteId: "S1",
      fromAssigneeId: "tom",
      toAssigneeId: "tina",
    });
    expect(preview.plan.targets.map((t) => t.number)).toEqual([a.number, b.number]);

    const diff = await diffPreview(lakebase.branches, KIT, preview.branch, previewDiffTables);
    const orders = diff.find((d) => d.table === "operations_portal.work_order");
    expect(orders?.counts).toEqual({ inserted: 0, updated: 2, deleted: 0 });
    expect(orders?.updated[0]?.columns).toEqual(expect.arrayContaining(["assignee_id", "version"]));
    expect(diff.find((d) => d.table === "operations_portal.work_order_event")?.counts.inserted).toBe(2);
    expect((await getWorkOrder(main, planner, a.id)).assigneeId).toBe("tom");
    expect((await listPreviews(lakebase.branches, KIT)).map((p) => p.branch)).toContain(preview.branch);

    // Someone reassigns B on main after the preview: apply must not overwrite it.
    await assignWorkOrder(main, {
      id: b.id,
      expectedVersion: b.version,
      viewer: people.manager,
      assigneeId: null,
    });
    const outcome = await applyPreview<SiteChangePlan, Awaited<ReturnType<typeof runSiteChange>>>(
      lakebase.branches,
      KIT,
      preview.branch,
      (plan) => runSiteChange(main, planner, plan),
    );
    expect(outcome.applied).toEqual([a.number]);
    expect(outcome.conflicts).toEqual([
      { number: b.number, reason: expect.stringMatching(/changed this work order/) },
    ]);
    expect((await getWorkOrder(main, planner, a.id)).assigneeId).toBe("tina");
    expect((await getWorkOrder(main, planner, b.id)).assigneeId).toBeNull();
    expect((await getWorkOrder(main, planner, elsewhere.id)).assigneeId).toBe("tom");
    expect((await lakebase.branches.list()).map((x) => x.name)).not.toContain(preview.branch);
  });

  it("a discarded reschedule deletes the branch and leaves main unchanged", async () => {
    const pm = await open("B1", "tina", "preventive");
    const before = await main.query("select * from operations_portal.work_order order by id");
    const preview = await prepare({ kind: "reschedule", siteId: "S2", days: 7 });
    const diff = await diffPreview(lakebase.branches, KIT, preview.branch, ["operations_portal.work_order"]);
    expect(diff[0]?.counts.updated).toBe(1);
    expect(diff[0]?.updatedColumns).toMatchObject({ response_due_at: 1, completion_due_at: 1 });
    const shifted = diff[0]?.updated[0]?.after.completion_due_at as string;
    expect(new Date(shifted).getTime() - pm.completionDueAt.getTime()).toBe(7 * 86_400_000);

    await discardPreview(lakebase.branches, KIT, preview.branch);
    expect((await lakebase.branches.list()).map((x) => x.name)).not.toContain(preview.branch);
    expect((await main.query("select * from operations_portal.work_order order by id")).rows).toEqual(
      before.rows,
    );
  });

  it("refuses a change with nothing to do or the same technician, and leaves no branch behind", async () => {
    const count = (await lakebase.branches.list()).length;
    await expect(
      prepare({ kind: "reassign", siteId: "S1", fromAssigneeId: "tina", toAssigneeId: "tina" }),
    ).rejects.toBeInstanceOf(FieldRuleError);
    await expect(
      prepare({ kind: "reassign", siteId: "S9", fromAssigneeId: "tom", toAssigneeId: "tina" }),
    ).rejects.toThrow(/no open work orders/);
    expect((await lakebase.branches.list()).length).toBe(count);
  });
});
