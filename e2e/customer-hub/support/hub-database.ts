import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { SyncedTableState } from "@appbase/db/synced-status";
import { setSyncedTableStatus } from "@appbase/db/testing";
import pg from "pg";
import { repoRoot } from "../../shared/kits.ts";
import { hubSpecEnv } from "./env.ts";

/**
 * The database the running kit uses: E2E_DATABASE_URL or DATABASE_URL when set (a kit run by hand
 * against a Postgres), else the local Lakebase of APPBASE_STATE_DIR or the end-to-end state folder,
 * asked from the CLI.
 */
export function hubDatabaseUrl(): string {
  const env = hubSpecEnv();
  if (env.databaseUrl) return env.databaseUrl;
  return execFileSync(process.execPath, [join(repoRoot, "packages/cli/bin/appbase.mjs"), "lakebase", "url"], {
    env: { ...env.inherited, APPBASE_STATE_DIR: env.stateDir },
    encoding: "utf8",
  }).trim();
}

/** A small pool to arrange and check data around the UI; refuses anything but a local server. */
export function hubDatabase(): pg.Pool {
  const url = hubDatabaseUrl();
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", ""].includes(host)) {
    throw new Error(
      `The customer-hub e2e specs write test data; refusing the non-local database at ${host}.`,
    );
  }
  return new pg.Pool({ connectionString: url, max: 2 });
}

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

/** Removes the hub's own state for a customer, so a spec starts from "new, no notes". */
export async function resetCustomerState(db: pg.Pool, customerId: string): Promise<void> {
  for (const table of ["notes", "customer_status", "follow_up_tasks", "activity"]) {
    await db.query(`delete from customer_hub.${table} where customer_id = $1`, [customerId]);
  }
}
