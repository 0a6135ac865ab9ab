import { createHash } from "node:crypto";
import type pg from "pg";
import kit from "../kit.ts";
import { evaluateScoreAlerts } from "./domain/alerts/score-evaluation.ts";
import { generatePreventiveWorkOrders } from "./domain/maintenance/generate.ts";
import { createSchedule, listSchedules, type NewSchedule } from "./domain/maintenance/schedules.ts";
import { listChecklist, setChecklistStep } from "./domain/work-orders/checklist.ts";
import { createWorkOrder, type NewWorkOrder } from "./domain/work-orders/create-work-order.ts";
import { importWorkOrderHistory } from "./domain/work-orders/import-history.ts";
import { moveWorkOrder } from "./domain/work-orders/move-work-order.ts";
import { recordWork } from "./domain/work-orders/work-log.ts";
import { ROSTER } from "./roster.ts";

/** What `appbase up` hands the kit's seed (KitSeedContext of @appbase/cli). */
export interface OperationsSeedContext {
  pool: pg.Pool;
  scale: "tiny" | "default" | "large";
  seed: number;
  lakehouseDir: string;
  log: (line: string) => void;
}

const HOUR = 3_600_000;
const localPeople = kit.localUsers;
const planner = localPeople[0]!;
const asViewer = (p: (typeof localPeople)[number]) => ({ email: p.email, userId: p.id, groups: p.groups });
const [pia, thi, marta] = [asViewer(planner), asViewer(localPeople[1]!), asViewer(localPeople[2]!)];

const SCHEDULES: NewSchedule[] = [
  {
    assetType: "pump",
    title: "Monthly pump inspection",
    trigger: "time",
    intervalDays: 30,
    intervalHours: null,
    anchorOn: "2026-01-05",
    leadDays: 7,
    priority: "medium",
    checklist: ["Check seals for leaks", "Grease bearings", "Record vibration"],
  },
  {
    assetType: "conveyor",
    title: "Weekly belt check",
    trigger: "time",
    intervalDays: 7,
    intervalHours: null,
    anchorOn: "2026-01-02",
    leadDays: 2,
    priority: "low",
    checklist: ["Belt tension", "Idler rollers"],
  },
  {
    assetType: "transformer",
    title: "Quarterly oil sample",
    trigger: "time",
    intervalDays: 90,
    intervalHours: null,
    anchorOn: "2026-01-15",
    leadDays: 14,
    priority: "high",
    checklist: ["Draw oil sample", "Thermal scan"],
  },
  {
    assetType: "compressor",
    title: "Service every 500 run hours",
    trigger: "meter",
    intervalDays: null,
    intervalHours: 500,
    anchorOn: null,
    leadDays: 5,
    priority: "medium",
    checklist: ["Change oil", "Replace air filter", "Check belts"],
  },
];

/** A deterministic UUID from a name, so a re-run finds the demo order it made before. */
function demoRequestId(name: string): string {
  const h = createHash("sha256").update(`operations-portal-demo:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Seeds the portal: roster, history, maintenance schedules and meters, and one demo order per state. */
export async function seedKit(ctx: OperationsSeedContext): Promise<{ summary: string }> {
  const db = ctx.pool;
  const now = new Date();
  for (const [id, name] of ROSTER) {
    await db.query(
      `insert into operations_portal.technician (id, display_name, email) values ($1, $2, $3)
       on conflict (id) do update set display_name = excluded.display_name`,
      [id, name, `${id}@example.com`],
    );
  }
  const imported = await importWorkOrderHistory(db);
  ctx.log(`imported ${imported} work order(s) from the synced history`);

  if ((await listSchedules(db)).length === 0) for (const s of SCHEDULES) await createSchedule(db, s);
  // Two run-hour readings a week apart per compressor, spread so some are due for service now.
  await db.query(
    `insert into operations_portal.asset_meter (asset_id, read_at, run_hours)
     select a.asset_id, r.at, r.hours from operations.assets a,
            lateral (values ($1::timestamptz - interval '7 days', (abs(hashtext(a.asset_id)) % 480)::float8),
                            ($1::timestamptz, (abs(hashtext(a.asset_id)) % 480 + 7 * 16)::float8)) r(at, hours)
      where a.asset_type = 'compressor'
     on conflict do nothing`,
    [now],
  );
  const pm = await generatePreventiveWorkOrders(db, now);
  ctx.log(`preventive maintenance: ${pm.created} order(s) generated`);

  const stories = await demoStories(db, now);
  const alerts = (await evaluateScoreAlerts(db)) ?? { created: 0 };
  ctx.log(`alert queue: ${alerts.created} alert(s) raised from the latest scores`);
  const { rows } = await db.query<{ status: string; n: number }>(
    "select status, count(*)::int as n from operations_portal.work_order group by status order by status",
  );
  return {
    summary: `work orders ${rows.map((r) => `${r.status} ${r.n}`).join(", ")}; ${alerts.created} alert(s) raised; ${stories} demo order(s) opened`,
  };
}

/** One reactive order per lifecycle state on the worst-health assets, moved by the people who would. */
async function demoStories(db: pg.Pool, now: Date): Promise<number> {
  const { rows: assets } = await db.query<{ asset_id: string }>(
    `select a.asset_id from operations.assets a
       join lateral (select health_score from operations.asset_scores s where s.asset_id = a.asset_id
                      order by scored_at desc limit 1) s on true
      order by s.health_score, a.asset_id limit 7`,
  );
  if (assets.length === 0) return 0;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const asset = (i: number) => assets[i % assets.length]!.asset_id;
  const open = async (
    name: string,
    order: Omit<NewWorkOrder, "requestId" | "actor" | "kind">,
    hoursAgo: number,
  ) => {
    const requestId = demoRequestId(name);
    const seen = await db.query("select 1 from operations_portal.work_order where request_id = $1", [
      requestId,
    ]);
    if (seen.rows.length > 0) return null;
    return createWorkOrder(db, { ...order, kind: "reactive", requestId, actor: pia.email, at: at(hoursAgo) });
  };
  const steps = ["Isolate and lock out", "Find and fix the cause", "Test and return to service"];
  let opened = 0;

  if (
    await open(
      "open",
      {
        assetId: asset(0),
        title: "Investigate falling health score",
        priority: "high",
        assigneeId: thi.userId,
        checklist: steps,
      },
      2,
    )
  )
    opened++;

  const working = await open(
    "in-progress",
    {
      assetId: asset(1),
      title: "Replace worn coupling",
      priority: "high",
      assigneeId: thi.userId,
      checklist: steps,
    },
    6,
  );
  if (working) {
    opened++;
    const w = await moveWorkOrder(db, {
      id: working.id,
      to: "in_progress",
      expectedVersion: 1,
      viewer: thi,
      at: at(5),
    });
    const [first] = await listChecklist(db, w.id);
    if (first)
      await setChecklistStep(db, { workOrderId: w.id, stepId: first.id, done: true, viewer: thi, at: at(4) });
    await recordWork(db, {
      workOrderId: w.id,
      requestId: demoRequestId("in-progress:time"),
      viewer: thi,
      entry: "time",
      minutes: 75,
      note: "Isolated, coupling removed",
      at: at(4),
    });
  }

  const held = await open(
    "on-hold",
    { assetId: asset(2), title: "Seal leak on discharge side", priority: "medium", assigneeId: marta.userId },
    30,
  );
  if (held) {
    opened++;
    await moveWorkOrder(db, {
      id: held.id,
      to: "in_progress",
      expectedVersion: 1,
      viewer: marta,
      at: at(28),
    });
    await moveWorkOrder(db, {
      id: held.id,
      to: "on_hold",
      reason: "Waiting for seal kit SK-220 (ordered)",
      expectedVersion: 2,
      viewer: marta,
      at: at(27),
    });
  }

  for (const [name, hoursAgo, doneAgo, priority] of [
    ["done-on-time", 72, 60, "high"],
    ["done-late", 80, 20, "urgent"],
  ] as const) {
    const order = await open(
      name,
      {
        assetId: asset(3),
        title: name === "done-late" ? "Motor tripped on overload" : "Bearing temperature high",
        priority,
        assigneeId: marta.userId,
      },
      hoursAgo,
    );
    if (!order) continue;
    opened++;
    await moveWorkOrder(db, {
      id: order.id,
      to: "in_progress",
      expectedVersion: 1,
      viewer: marta,
      at: at(hoursAgo - 1),
    });
    await recordWork(db, {
      workOrderId: order.id,
      requestId: demoRequestId(`${name}:part`),
      viewer: marta,
      entry: "part",
      partNumber: "6205-2RS",
      quantity: 2,
      note: "",
      at: at(doneAgo + 1),
    });
    await moveWorkOrder(db, {
      id: order.id,
      to: "complete",
      expectedVersion: 2,
      viewer: marta,
      at: at(doneAgo),
    });
  }

  const duplicate = await open(
    "cancelled",
    { assetId: asset(4), title: "Noise reported by operator", priority: "low" },
    10,
  );
  if (duplicate) {
    opened++;
    await moveWorkOrder(db, {
      id: duplicate.id,
      to: "cancelled",
      reason: "Duplicate of the open investigation on the same asset",
      expectedVersion: 1,
      viewer: pia,
      at: at(9),
    });
  }

  if (
    await open(
      "breached",
      {
        assetId: asset(5),
        title: "Conveyor stopped: drive fault",
        priority: "urgent",
        assigneeId: thi.userId,
        checklist: steps,
      },
      40,
    )
  )
    opened++;
  return opened;
}
