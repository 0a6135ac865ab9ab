import type { TableSpec } from "@appbase/ui/data-table";
import { STATUS_LABELS, WORK_ORDER_STATUSES } from "./lifecycle.ts";

/** URL contract of the work-order list; site options come from the served sites. */
export function workOrderTableSpec(sites: { id: string; name: string }[]) {
  return {
    sortable: [],
    pageSizes: [25, 50, 100],
    filters: [
      {
        key: "status",
        label: "Status",
        options: [
          { value: "backlog", label: "Backlog (not closed)" },
          ...WORK_ORDER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        ],
      },
      {
        key: "kind",
        label: "Kind",
        options: [
          { value: "reactive", label: "Reactive" },
          { value: "preventive", label: "Preventive" },
        ],
      },
      { key: "target", label: "Target", options: [{ value: "breached", label: "Breached or late" }] },
      { key: "site", label: "Site", options: sites.map((s) => ({ value: s.id, label: s.name })) },
    ],
  } as const satisfies TableSpec;
}
