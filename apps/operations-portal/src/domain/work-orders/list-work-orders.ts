import type { KeysetOrder, ListCount, Queryable } from "@appbase/db";
import { countRows, keysetPage, keysetPosition, keysetQuery, sqlParameters } from "@appbase/db";
import { type Viewer, visibleWorkOrders } from "../access.ts";
import type { WorkOrderStatus } from "./lifecycle.ts";
import { toWorkOrder, type WorkOrder, type WorkOrderKind, type WorkOrderRecord } from "./work-order.ts";

export interface WorkOrderFilter {
  siteId?: string | undefined;
  assetId?: string | undefined;
  status?: WorkOrderStatus | "backlog" | undefined;
  kind?: WorkOrderKind | undefined;
  assigneeId?: string | undefined;
  /** Only orders past their completion target (open ones now, closed ones when they completed). */
  breached?: boolean | undefined;
  limit?: number | undefined;
  /** Keyset cursor tokens of the page to show (from a previous page's next / prev); none: the first page. */
  after?: string | null | undefined;
  before?: string | null | undefined;
}

export interface WorkOrderPage extends ListCount {
  rows: (WorkOrder & { assetTag: string | null; assetType: string | null; assigneeName: string | null })[];
  /** Cursor tokens of the next and previous pages (null: none). */
  next: string | null;
  prev: string | null;
}

// Open before closed, the nearest completion target first, the number breaking ties; migration 0003's
// indexes on exactly these expressions (one led by the assignee, for technicians) serve the pages.
const URGENCY: KeysetOrder = {
  sort: "(w.status in ('complete','cancelled'))",
  sortType: "boolean",
  thenBy: [{ sql: "w.completion_due_at", type: "timestamptz" }],
  key: "w.number",
  keyType: "integer",
  dir: "asc",
};

/**
 * Work orders the viewer may see (the `assigned-work-orders` row rule), most urgent first (open before
 * closed, then by completion target), one keyset page at a time.
 */
export async function listWorkOrders(
  db: Queryable,
  viewer: Viewer,
  filter: WorkOrderFilter,
  now: Date = new Date(),
): Promise<WorkOrderPage> {
  const { values, bind } = sqlParameters();
  const where: string[] = [];
  if (filter.siteId) where.push(`w.site_id = ${bind(filter.siteId)}`);
  if (filter.assetId) where.push(`w.asset_id = ${bind(filter.assetId)}`);
  if (filter.kind) where.push(`w.kind = ${bind(filter.kind)}`);
  if (filter.assigneeId) where.push(`w.assignee_id = ${bind(filter.assigneeId)}`);
  if (filter.status === "backlog") where.push("w.status in ('open','in_progress','on_hold')");
  else if (filter.status) where.push(`w.status = ${bind(filter.status)}`);
  if (filter.breached)
    where.push(
      `w.status <> 'cancelled' and coalesce(w.completed_at, ${bind(now)}::timestamptz) > w.completion_due_at`,
    );
  const visible = visibleWorkOrders(viewer, "w", values.length + 1);
  for (const param of visible.params) bind(param);
  where.push(visible.sql);
  const countValues = [...values];
  const pageSize = Math.min(filter.limit ?? 50, 200);
  const position = keysetPosition(filter, URGENCY);
  const page = keysetQuery(URGENCY, position, pageSize, bind);
  const pageWhere = page.where ? [...where, page.where] : where;
  const [result, count] = await Promise.all([
    db.query<
      WorkOrderRecord & {
        asset_tag: string | null;
        asset_type: string | null;
        assignee_name: string | null;
        keyset_value: string;
        keyset_key: string;
      }
    >(
      `select w.*, a.tag as asset_tag, a.asset_type, t.display_name as assignee_name, ${page.select}
         from operations_portal.work_order w
         left join operations.assets a on a.asset_id = w.asset_id
         left join operations_portal.technician t on t.id = w.assignee_id
        where ${pageWhere.join(" and ")}
        order by ${page.orderBy}
        limit ${page.limit}`,
      values,
    ),
    countRows(db, `from operations_portal.work_order w where ${where.join(" and ")}`, countValues),
  ]);
  const rows = keysetPage(result.rows, position, pageSize);
  return {
    ...count,
    rows: rows.rows.map((r) => ({
      ...toWorkOrder(r),
      assetTag: r.asset_tag,
      assetType: r.asset_type,
      assigneeName: r.assignee_name,
    })),
    next: rows.next,
    prev: rows.prev,
  };
}
