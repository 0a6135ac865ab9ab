import type { Queryable } from "@appbase/db";

const COLUMNS = [
  "case",
  "seq",
  "at",
  "actor",
  "action",
  "field",
  "previous_value",
  "new_value",
  "prev_hash",
  "hash",
] as const;

/** One CSV field: quoted when needed, and a leading = + - @ (a spreadsheet formula) defused with an apostrophe. */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every audit event (or one case's) as CSV for auditors, in chain order, hashes included so the chain can be rechecked offline. */
export async function auditCsv(db: Queryable, options: { caseId?: string } = {}): Promise<string> {
  const { rows } = await db.query(
    `select 'CASE-' || c.number as "case", e.seq, e.at, e.actor, e.action, e.field, e.previous_value, e.new_value, e.prev_hash, e.hash
     from risk_compliance.audit_event e join risk_compliance.risk_case c on c.id = e.case_id
     where $1::uuid is null or e.case_id = $1 order by c.number, e.seq`,
    [options.caseId ?? null],
  );
  const lines = [COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(COLUMNS.map((c) => csvField(c === "at" ? (r.at as Date).toISOString() : r[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
