import { customers } from "@appbase/datasets/tables";
import type { Queryable } from "@appbase/db";
import {
  countRows,
  escapeLike,
  keysetPage,
  keysetPosition,
  keysetQuery,
  rowOf,
  sqlParameters,
} from "@appbase/db";
import { type ResolvedColumnRule, type Shielded, shield } from "@appbase/grants";
import type { TableParams } from "@appbase/ui/data-table";
import { profilingInForceSql } from "../consent/consent-changes.ts";
import { type Viewer, visibleCustomers } from "./access.ts";

/** One row of the customer list, already masked for the viewer. */
export interface CustomerListRow {
  customerId: string;
  fullName: Shielded;
  email: Shielded;
  segment: string;
  region: string;
  status: string;
  lifetimeValue: number;
  churnRiskBand: string;
  /** Null when the customer did not consent to profiling. */
  churnRiskScore: number | null;
  updatedAt: Date;
}

export interface CustomerListPage {
  rows: CustomerListRow[];
  total: number;
  /** `total` is the planner's estimate: more than COUNT_EXACT_UP_TO (@appbase/db) rows match. */
  totalEstimated: boolean;
  /** Cursor tokens of the next and previous pages (null: none). */
  next: string | null;
  prev: string | null;
}

type ListQueryRow = Record<string, unknown> & {
  profiling_in_force: boolean;
  keyset_value: string;
  keyset_key: string;
};

/** The list a read falls back to when the synced table is not there yet. */
export const emptyCustomerListPage: CustomerListPage = {
  rows: [],
  total: 0,
  totalEstimated: false,
  next: null,
  prev: null,
};

// Whitelisted sort columns → SQL and type; parseTableParams guarantees `sort` is one of these keys.
// Each has a (column, customer_id) index in @appbase/datasets, which a keyset page walks.
const sortSql: Record<string, { sql: string; type: string }> = {
  full_name: { sql: "full_name", type: "text" },
  customer_id: { sql: "customer_id", type: "text" },
  lifetime_value: { sql: "lifetime_value", type: "double precision" },
  churn_risk_score: { sql: "churn_risk_score", type: "double precision" },
  updated_at: { sql: "updated_at", type: "timestamptz" },
};
const filterSql: Record<string, string> = {
  segment: "segment",
  region: "region",
  band: "churn_risk_band",
  status: "status",
};

/**
 * Server-side search, filter, sort and keyset pagination over the synced customers table (pages
 * follow `params.after` / `params.before`, so the millionth row costs what the first does).
 * Search matches an exact id, the start of the name, and the start of the email only for viewers who may
 * see emails (otherwise a masked viewer could confirm an address by searching for it). Rows, count and
 * search cover only the customers the viewer may see (the `assigned-customers` row rule).
 */
export async function listCustomers(
  db: Queryable,
  viewer: Viewer,
  params: TableParams,
  rules: Record<string, ResolvedColumnRule>,
): Promise<CustomerListPage> {
  const where: string[] = [];
  const { values, bind } = sqlParameters();
  const scope = visibleCustomers(viewer, { firstParam: 1 });
  if (scope.sql !== "TRUE") {
    for (const param of scope.params) bind(param);
    where.push(scope.sql);
  }
  if (params.q) {
    // Prefix matches on lower(name) / lower(email) use the served table's text_pattern_ops indexes.
    const prefix = `${escapeLike(params.q.toLowerCase())}%`;
    const clauses = [
      `customer_id = ${bind(params.q.toUpperCase())}`,
      `lower(full_name) like ${bind(prefix)}`,
    ];
    if (rules.email?.unmasked !== false) clauses.push(`lower(email) like ${bind(prefix)}`);
    where.push(`(${clauses.join(" or ")})`);
  }
  for (const [key, value] of Object.entries(params.filters)) {
    const column = filterSql[key];
    if (column) where.push(`${column} = ${bind(value)}`);
  }
  const whereSql = where.length > 0 ? `where ${where.join(" and ")}` : "";
  const countValues = [...values];
  const sort = sortSql[params.sort ?? "lifetime_value"] ?? {
    sql: "lifetime_value",
    type: "double precision",
  };
  const position = keysetPosition(params);
  const page = keysetQuery(
    { sort: sort.sql, sortType: sort.type, key: "customer_id", dir: params.dir === "asc" ? "asc" : "desc" },
    position,
    params.pageSize,
    bind,
  );
  const pageWhere = [...where, ...(page.where ? [page.where] : [])];
  const [result, count] = await Promise.all([
    db.query<ListQueryRow>(
      `select c.*, ${profilingInForceSql("c")} as profiling_in_force, ${page.select}
         from customer.customers c ${pageWhere.length > 0 ? `where ${pageWhere.join(" and ")}` : ""}
        order by ${page.orderBy}
        limit ${page.limit}`,
      values,
    ),
    countRows(db, `from customer.customers ${whereSql}`, countValues),
  ]);
  const rows = keysetPage(result.rows, position, params.pageSize);
  return {
    rows: rows.rows.map((row) => toListRow(rowOf(customers, row), row.profiling_in_force === true, rules)),
    total: count.total,
    totalEstimated: count.estimated,
    next: rows.next,
    prev: rows.prev,
  };
}

/** `profiling`: whether profiling consent is in force (a recorded decision overrides the synced flag). */
function toListRow(
  row: typeof customers.$inferSelect,
  profiling: boolean,
  rules: Record<string, ResolvedColumnRule>,
): CustomerListRow {
  return {
    customerId: row.customer_id,
    fullName: shield(row.full_name, rules.full_name),
    email: shield(row.email, rules.email),
    segment: row.segment,
    region: row.region,
    status: row.status,
    lifetimeValue: Number(row.lifetime_value),
    churnRiskBand: row.churn_risk_band,
    churnRiskScore: profiling ? Number(row.churn_risk_score) : null,
    updatedAt: new Date(row.updated_at),
  };
}
