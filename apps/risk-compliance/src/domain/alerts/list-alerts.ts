import type { KeysetOrder, ListCount, Queryable } from "@appbase/db";
import { countRows, keysetPage, keysetPosition, keysetQuery, rowOf, sqlParameters } from "@appbase/db";
import type { TableParams, TableSpec } from "@appbase/ui/data-table";
import { alert } from "../../db/schema/alert.ts";
import type { Alert } from "./alert-queue.ts";

export type AlertView = "open" | "mine" | "breached" | "snoozed" | "closed";

/**
 * URL contract of the queue: keyset pages (`after` / `before`), no sort or filter beyond the view; 50
 * alerts a page by default (rendering 200 rows took ~200 ms of a page whose queries take ~15 ms).
 */
export const alertTableSpec = {
  sortable: [],
  pageSizes: [50, 100, 200],
} as const satisfies TableSpec;

export interface AlertPage extends ListCount {
  rows: Alert[];
  /** Cursor tokens of the next and previous pages (null: none). */
  next: string | null;
  prev: string | null;
}

// Open views follow the claim order (an alert without a due time last, as ORDER BY due_at put it);
// each walks a partial index of migration 0007 on exactly these expressions. Closed alerts newest
// closure first.
const CLAIM_ORDER: KeysetOrder = {
  sort: "priority",
  sortType: "integer",
  thenBy: [
    { sql: "coalesce(due_at, 'infinity'::timestamptz)", type: "timestamptz" },
    { sql: "created_at", type: "timestamptz" },
  ],
  key: "id",
  keyType: "uuid",
  dir: "asc",
};
const CLOSED_ORDER: KeysetOrder = {
  sort: "coalesce(closed_at, 'infinity'::timestamptz)",
  sortType: "timestamptz",
  key: "id",
  keyType: "uuid",
  dir: "desc",
};

const VIEW_WHERE: Record<AlertView, string> = {
  open: "status in ('new','claimed') and (snoozed_until is null or snoozed_until <= now())",
  mine: "status = 'claimed' and claimed_by = $1",
  breached: "status in ('new','claimed') and due_at < now()",
  snoozed: "status = 'new' and snoozed_until > now()",
  closed: "status in ('dismissed','escalated','merged')",
};

/**
 * The queue as a person sees it, one keyset page at a time: open alerts most urgent first (or one of
 * the other views), with the view's size, exact up to COUNT_EXACT_UP_TO (@appbase/db) and estimated beyond.
 */
export async function listAlerts(
  db: Queryable,
  input: { view: AlertView; viewer: string; params: Pick<TableParams, "after" | "before" | "pageSize"> },
): Promise<AlertPage> {
  const { values, bind } = sqlParameters();
  bind(input.viewer); // $1: the "mine" view's claimant
  const where = [VIEW_WHERE[input.view], "$1::text is not null"];
  const countValues = [...values];
  const order = input.view === "closed" ? CLOSED_ORDER : CLAIM_ORDER;
  const position = keysetPosition(input.params, order);
  const page = keysetQuery(order, position, input.params.pageSize, bind);
  if (page.where) where.push(page.where);
  const [result, count] = await Promise.all([
    db.query<Record<string, unknown> & { keyset_value: string; keyset_key: string }>(
      `select *, ${page.select} from risk_compliance.alert where ${where.join(" and ")}
        order by ${page.orderBy} limit ${page.limit}`,
      values,
    ),
    countRows(
      db,
      `from risk_compliance.alert where ${VIEW_WHERE[input.view]} and $1::text is not null`,
      countValues,
    ),
  ]);
  const rows = keysetPage(result.rows, position, input.params.pageSize);
  return { ...count, rows: rows.rows.map((r) => rowOf(alert, r)), next: rows.next, prev: rows.prev };
}

/** The alerts escalated to or merged into a case. */
export async function alertsOfCase(db: Queryable, caseId: string): Promise<Alert[]> {
  const { rows } = await db.query(
    "select * from risk_compliance.alert where case_id = $1 order by closed_at",
    [caseId],
  );
  return rows.map((r) => rowOf(alert, r));
}
