import { type GrantsIdentity, rowPredicate, rowRuleFor, type SqlPredicate } from "@appbase/grants";
import { operationsPortalMatrix } from "../matrix.ts";

/** The kit's grant matrix, from the one place it is declared. */
export const matrix = operationsPortalMatrix;

/** Whoever reads or changes work orders; the row rule reads their user id and permissions. */
export type Viewer = GrantsIdentity;

/**
 * The technician row rule as SQL: holders of work-order.read-all see every order, everyone else
 * only the orders assigned to them. Every work-order read and write ANDs this in.
 */
export function visibleWorkOrders(viewer: Viewer, alias: string, firstParam: number): SqlPredicate {
  return rowPredicate(viewer, rowRuleFor(matrix, "assigned-work-orders"), matrix, { alias, firstParam });
}
