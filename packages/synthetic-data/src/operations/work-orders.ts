import { defineDataset, memoCount } from "../define.ts";
import { Prng, rngFor, streamKey, type Weighted } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { DAY, HOUR, isoTimestamp, padId, round } from "../time.ts";
import { technicians, workOrderTitles } from "../vocab/industrial.ts";
import { assetProfile } from "./asset-profile.ts";
import { assetId, siteIdForAsset } from "./ids.ts";

/** Work orders per asset depend only on the asset index, so the row count is seed-independent. */
function workOrderCount(index: number): number {
  return new Prng(streamKey(0, "work_order_count", index)).weighted([
    [0, 35],
    [1, 35],
    [2, 18],
    [3, 8],
    [4, 4],
  ]);
}

const totalWorkOrders = memoCount((assets) => {
  let total = 0;
  for (let i = 0; i < assets; i++) total += workOrderCount(i);
  return total;
});

type Status =
  | "requested"
  | "open"
  | "in_progress"
  | "on_hold"
  | "completed"
  | "closed"
  | "rejected"
  | "cancelled";

/**
 * Status per the work-order state machine (requested → open → in_progress ⇄ on_hold →
 * completed → closed; rejected and cancelled are terminal); old orders are mostly closed.
 */
function statusForAge(r: Prng, ageDays: number): Status {
  const recent: Weighted<Status> = [
    ["requested", 18],
    ["open", 30],
    ["in_progress", 25],
    ["on_hold", 10],
    ["completed", 12],
    ["cancelled", 3],
    ["rejected", 2],
  ];
  const old: Weighted<Status> = [
    ["closed", 70],
    ["completed", 8],
    ["cancelled", 8],
    ["rejected", 5],
    ["on_hold", 4],
    ["in_progress", 3],
    ["open", 2],
  ];
  return r.weighted(ageDays < 14 ? recent : old);
}

const priorities: Weighted<string> = [
  ["low", 25],
  ["medium", 42],
  ["high", 25],
  ["urgent", 8],
];
const workTypes: Weighted<string> = [
  ["corrective", 45],
  ["preventive", 35],
  ["inspection", 14],
  ["calibration", 6],
];

const columns = [
  { name: "work_order_id", type: "text", nullable: false },
  { name: "asset_id", type: "text", nullable: false },
  { name: "site_id", type: "text", nullable: false },
  { name: "title", type: "text", nullable: false },
  { name: "work_type", type: "text", nullable: false },
  { name: "status", type: "text", nullable: false },
  { name: "priority", type: "text", nullable: false },
  { name: "assignee", type: "text", nullable: true },
  { name: "estimated_hours", type: "float", nullable: false },
  { name: "opened_at", type: "timestamp", nullable: false },
  { name: "due_at", type: "timestamp", nullable: false },
  { name: "started_at", type: "timestamp", nullable: true },
  { name: "completed_at", type: "timestamp", nullable: true },
  { name: "closed_at", type: "timestamp", nullable: true },
] as const;

/** Maintenance work orders per asset with timestamps consistent with their state. */
export const workOrders = defineDataset({
  domain: "operations",
  name: "work_orders",
  description:
    "Maintenance work orders with state per the work-order state machine, priority and lifecycle timestamps.",
  columns,
  primaryKey: ["work_order_id"],
  dependsOn: ["assets"],
  defaultRows: (scale) => totalWorkOrders(resolveScale(scale).assets),
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    let next = 1;
    for (let i = 0; i < spec.assets; i++) {
      const count = workOrderCount(i);
      if (count === 0) continue;
      const { wear } = assetProfile(seed, i, spec.sites, epochMs);
      const r = rngFor(seed, "work_orders", i);
      for (let k = 0; k < count; k++) {
        const ageDays = r.exponential(40);
        const openedMs = epochMs - Math.floor(ageDays * DAY) - 6 * HOUR;
        const status = statusForAge(r, ageDays);
        const workType = wear > 0.7 && r.chance(0.5) ? "corrective" : r.weighted(workTypes);
        const priority =
          workType === "corrective" && wear > 0.8
            ? r.weighted<string>([
                ["high", 60],
                ["urgent", 40],
              ])
            : r.weighted(priorities);
        const dueMs = openedMs + (priority === "urgent" ? 1 : priority === "high" ? 3 : r.int(7, 30)) * DAY;
        const estimated = round(r.logNormal(Math.log(4), 0.7), 1);
        const started = ["in_progress", "on_hold", "completed", "closed"].includes(status);
        const done = status === "completed" || status === "closed";
        // Each lifecycle step happens after the previous one and never after the epoch.
        const startedMs = Math.min(epochMs - 3 * HOUR, openedMs + r.float(0.5, 48) * HOUR);
        const completedMs = Math.min(epochMs - 2 * HOUR, startedMs + (estimated + r.float(0, 24)) * HOUR);
        const closedMs = Math.min(epochMs, completedMs + r.float(1, 72) * HOUR);
        yield {
          work_order_id: padId("WO", next++, 7),
          asset_id: assetId(i),
          site_id: siteIdForAsset(i, spec.sites),
          title: r.pick(workOrderTitles[workType] ?? ["General maintenance"]),
          work_type: workType,
          status,
          priority,
          assignee: status === "requested" || status === "rejected" ? null : r.pick(technicians),
          estimated_hours: estimated,
          opened_at: isoTimestamp(openedMs),
          due_at: isoTimestamp(dueMs),
          started_at: started ? isoTimestamp(startedMs) : null,
          completed_at: done ? isoTimestamp(completedMs) : null,
          closed_at: status === "closed" ? isoTimestamp(closedMs) : null,
        };
      }
    }
  },
});
