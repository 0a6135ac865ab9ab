import { customers } from "@appbase/datasets/tables";
import type { Queryable } from "@appbase/db";
import { escapeLike, rowOf, sqlParameters } from "@appbase/db";
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
}

// Whitelisted sort columns → SQL; parseTableParams guarantees `sort` is one of these keys.
const sortSql: Record<string, string> = {
  full_name: "full_name",
  customer_id: "customer_id",
  lifetime_value: "lifetime_value",
  churn_risk_score: "churn_risk_score",
  updated_at: "updated_at",
};
const filterSql: Record<string, string> = {
  segment: "segment",
  region: "region",
  band: "churn_risk_band",
  status: "status",
};

/**
 * Server-side search, filter, sort and pagination over the synced customers table.
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
  const sort = sortSql[params.sort ?? "lifetime_value"] ?? "lifetime_value";
  const dir = params.dir === "asc" ? "asc" : "desc";
  const countValues = [...values];
  const limit = bind(params.pageSize);
  const offset = bind(params.offset);
  const [page, count] = await Promise.all([
    db.query(
      `select c.*, ${profilingInForceSql("c")} as profiling_in_force from customer.customers c ${whereSql}
        order by ${sort} ${dir}, customer_id ${dir}
        limit ${limit} offset ${offset}`,
      values,
    ),
    db.query<{ total: string }>(
      `select count(*)::text as total from customer.customers ${whereSql}`,
      countValues,
    ),
  ]);
  return {
    rows: page.rows.map((row) => toListRow(rowOf(customers, row), row.profiling_in_force === true, rules)),
    total: Number(count.rows[0]?.total ?? 0),
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
