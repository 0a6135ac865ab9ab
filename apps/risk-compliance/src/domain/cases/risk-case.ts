import type { Queryable } from "@appbase/db";
import { rowOf } from "@appbase/db";
import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import { type RiskCaseRow, riskCase } from "../../db/schema/risk-case.ts";
import { type AuditEntry, recordAudit } from "../audit/record-audit.ts";

export type RiskCase = RiskCaseRow;

/** CASE-1042 */
export function caseLabel(kase: Pick<RiskCase, "number">): string {
  return `CASE-${kase.number}`;
}

/** One case by id, or NotFoundError. */
export async function getCase(db: Queryable, caseId: string): Promise<RiskCase> {
  const { rows } = await db.query("select * from risk_compliance.risk_case where id = $1", [caseId]);
  if (!rows[0]) throw new NotFoundError(`Case ${caseId} does not exist.`);
  return rowOf(riskCase, rows[0]);
}

/** The conflict when a case moved on from the version the user saw; it carries the case as it is now. */
export function staleCase(now: RiskCase, expectedVersion: number): ConflictError<RiskCase> {
  return new ConflictError(
    `${now.updatedBy} changed ${caseLabel(now)} meanwhile (version ${expectedVersion} → ${now.version}); reload it and try again.`,
    now,
  );
}

async function lockCaseRow(tx: Queryable, caseId: string): Promise<Record<string, unknown>> {
  const { rows } = await tx.query("select * from risk_compliance.risk_case where id = $1 for update", [
    caseId,
  ]);
  if (!rows[0]) throw new NotFoundError(`Case ${caseId} does not exist.`);
  return rows[0];
}

/** Locks a case for the rest of the transaction and returns it, or NotFoundError. */
export async function lockCase(tx: Queryable, caseId: string): Promise<RiskCase> {
  return rowOf(riskCase, await lockCaseRow(tx, caseId));
}

/** The case columns a change may set, with their SQL types. */
const CHANGEABLE = {
  status: "text",
  title: "text",
  risk_level: "text",
  assignee: "text",
  disposition: "text",
  proposed_disposition: "text",
  proposal_rationale: "text",
  proposed_by: "text",
  proposed_at: "timestamptz",
  closed_by: "text",
  closed_at: "timestamptz",
  reopen_count: "int",
} as const;

export type CaseChanges = Partial<Record<keyof typeof CHANGEABLE, string | number | Date | null>>;

const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * Locks the case, checks it is still at `expectedVersion`, then applies `changes` and records one
 * audit event per changed field (previous and new value) plus `extra` events, all in `tx`.
 * A moved-on version is a ConflictError naming who changed it.
 */
export async function changeCase(
  tx: Queryable,
  input: {
    caseId: string;
    expectedVersion: number;
    actor: string;
    action: string;
    changes: CaseChanges;
    extra?: AuditEntry[];
    at?: Date;
  },
): Promise<RiskCase> {
  const raw = await lockCaseRow(tx, input.caseId);
  const before = rowOf(riskCase, raw);
  if (before.version !== input.expectedVersion) throw staleCase(before, input.expectedVersion);
  const at = input.at ?? new Date();
  const columns = Object.keys(input.changes) as (keyof typeof CHANGEABLE)[];
  const params: unknown[] = [input.caseId, input.actor, at];
  const sets = columns.map((c) => {
    params.push(input.changes[c]);
    return `${c} = $${params.length}::${CHANGEABLE[c]}`;
  });
  await tx.query(
    `update risk_compliance.risk_case
     set ${[...sets, "version = version + 1", "updated_by = $2", "updated_at = $3"].join(", ")}
     where id = $1`,
    params,
  );
  const entries: AuditEntry[] = columns
    .filter((c) => JSON.stringify(toJson(raw[c])) !== JSON.stringify(toJson(input.changes[c])))
    .map((c) => ({
      action: input.action,
      field: c,
      previousValue: toJson(raw[c]),
      newValue: toJson(input.changes[c]),
    }));
  await recordAudit(tx, {
    caseId: input.caseId,
    actor: input.actor,
    at,
    entries: [...entries, ...(input.extra ?? [])],
  });
  return getCase(tx, input.caseId);
}
