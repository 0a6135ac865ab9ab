import { createHash } from "node:crypto";

/** The content of an audit event that its hash covers. */
export interface AuditContent {
  caseId: string;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  field: string | null;
  previousValue: unknown;
  newValue: unknown;
}

/** JSON with object keys sorted at every level, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The first event of a case chains from this. */
export const GENESIS_HASH = "0".repeat(64);

/** SHA-256 (hex) of the previous hash and the event's canonical content. */
export function auditHash(prevHash: string, event: AuditContent): string {
  const content = canonicalJson({
    caseId: event.caseId,
    seq: event.seq,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    field: event.field,
    previousValue: event.previousValue ?? null,
    newValue: event.newValue ?? null,
  });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}
