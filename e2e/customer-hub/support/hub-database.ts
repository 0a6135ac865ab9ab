import type { SyncedTableState } from "@appbase/db/synced-status";
import { setSyncedTableStatus } from "@appbase/db/testing";
import type pg from "pg";
import { kitDatabase } from "../../shared/kit-database.ts";

/** A small pool to arrange and check data around the UI (see kitDatabase); local servers only. */
export const hubDatabase = (): pg.Pool => kitDatabase("customer-hub");

const SYNCED = ["customer.customers", "customer.customer_features", "customer.interactions"];

/** Records the synced customer tables as synced `minutesAgo` with a platform `detailed_state`. */
export function setSync(db: pg.Pool, minutesAgo: number, state?: SyncedTableState): Promise<void> {
  return setSyncedTableStatus(db, { tables: SYNCED, minutesAgo, ...(state ? { state } : {}) });
}

export interface HubCustomer {
  customer_id: string;
  full_name: string;
  email: string;
  phone: string;
  street_address: string;
  birth_date: string;
}

/** The n-th customer by id (each spec uses its own, so specs do not share state). */
export async function nthCustomer(db: pg.Pool, n: number): Promise<HubCustomer> {
  const { rows } = await db.query<HubCustomer>(
    `select customer_id, full_name, email, phone, street_address, birth_date::text as birth_date
       from customer.customers order by customer_id offset $1 limit 1`,
    [n],
  );
  if (!rows[0])
    throw new Error(`The synced customers table has fewer than ${n + 1} rows; seed the e2e database first.`);
  return rows[0];
}

/** The n-th customer assigned to `accountManager` (specs acting as one may only work their own customers). */
export async function assignedCustomer(db: pg.Pool, accountManager: string, n: number): Promise<HubCustomer> {
  const { rows } = await db.query<HubCustomer>(
    `select customer_id, full_name, email, phone, street_address, birth_date::text as birth_date
       from customer.customers where account_manager_email = $1 order by customer_id offset $2 limit 1`,
    [accountManager, n],
  );
  if (!rows[0])
    throw new Error(
      `Fewer than ${n + 1} customers are assigned to ${accountManager}; seed the e2e database first.`,
    );
  return rows[0];
}

/** Removes the hub's own state for a customer, so a spec starts from "new, no notes". */
export async function resetCustomerState(db: pg.Pool, customerId: string): Promise<void> {
  for (const table of ["notes", "customer_status", "follow_up_tasks", "activity"]) {
    await db.query(`delete from customer_hub.${table} where customer_id = $1`, [customerId]);
  }
}
