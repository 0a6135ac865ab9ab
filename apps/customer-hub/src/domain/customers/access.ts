import type { Queryable } from "@appbase/db";
import { type GrantsIdentity, rowPredicate, rowRuleFor, type SqlPredicate } from "@appbase/grants";
import { NotFoundError } from "@appbase/next-kit/errors";
import { customerHubMatrix } from "../../matrix.ts";

/** Whoever reads or works customers; the row rule reads their email and permissions. */
export type Viewer = GrantsIdentity;

/**
 * The `assigned-customers` row rule as SQL over `customer.customers` (alias optional): holders of
 * customer.read-all see every customer, account managers only those assigned to them. Every read of
 * customers (list, count, search, detail, charts, API) and every mutation ANDs this in.
 */
export function visibleCustomers(
  viewer: Viewer,
  options: { alias?: string; firstParam?: number } = {},
): SqlPredicate {
  return rowPredicate(
    viewer,
    rowRuleFor(customerHubMatrix, "assigned-customers"),
    customerHubMatrix,
    options,
  );
}

/** `customer_id` is one of the viewer's customers, as SQL over any table with that column. */
export function visibleCustomerIds(viewer: Viewer, column: string, firstParam: number): SqlPredicate {
  const scope = visibleCustomers(viewer, { alias: "visible", firstParam });
  if (scope.sql === "TRUE") return scope;
  return {
    ...scope,
    sql: `${column} in (select visible.customer_id from customer.customers visible where ${scope.sql})`,
  };
}

/** What the viewer may know about one customer id: the synced row is theirs, absent, or not theirs. */
export type CustomerAccess = "visible" | "absent" | "hidden";

/**
 * Whether the viewer may see this customer. An absent row is "absent" only for read-all holders: for
 * anyone else it is "hidden", so an id that does not exist and one assigned to someone else look the same.
 */
export async function customerAccess(
  db: Queryable,
  viewer: Viewer,
  customerId: string,
): Promise<CustomerAccess> {
  const scope = visibleCustomers(viewer, { firstParam: 2 });
  const { rows } = await db.query<{ visible: boolean }>(
    `select (${scope.sql}) as visible from customer.customers where customer_id = $1`,
    [customerId, ...scope.params],
  );
  if (rows[0]) return rows[0].visible ? "visible" : "hidden";
  return scope.sql === "TRUE" ? "absent" : "hidden";
}

/** Refuses work on a customer that does not exist or is not the viewer's, with one message for both. */
export async function assertCustomerVisible(
  db: Queryable,
  viewer: Viewer,
  customerId: string,
): Promise<void> {
  if ((await customerAccess(db, viewer, customerId)) !== "visible")
    throw new NotFoundError(
      `No customer ${customerId} among the customers you work; check the id in the customer list.`,
    );
}
