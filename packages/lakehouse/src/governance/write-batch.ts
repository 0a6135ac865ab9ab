import { randomUUID } from "node:crypto";
import type { Row, RowInput } from "../values.ts";
import { keyId, rowKeyOf } from "./context.ts";
import { GovernanceError } from "./errors.ts";
import { EVENT_ID_COLUMN, type GovernedTable } from "./governed-table.ts";
import type { OutboxIntent } from "./outbox-store.ts";

/** One write to a governed table. */
export interface GovernedWrite {
  /** Every column of the Postgres table except the version column, which the writer sets. */
  row: RowInput;
  /** Idempotency key; a write whose event id was already committed is not applied again. */
  eventId?: string;
  /** Optimistic concurrency: the version the caller read; the write fails if silver has moved on. */
  expectedVersion?: number;
}

/** A write, checked and ready: its event id, the silver row to merge and the outbox intents. */
export interface PreparedWrite {
  eventId: string;
  silverRow: Row;
  version: number;
  intents: OutboxIntent[];
}

function normalizeCell(value: RowInput[string]): Row[string] {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/**
 * Checks a batch's shape before it queues: known columns, every key column given, and each key
 * once (so each write gets its own version). Throws INVALID_WRITE naming the write and the fix.
 */
export function checkWrites(table: GovernedTable, writes: readonly GovernedWrite[]): void {
  const seen = new Map<string, number>();
  writes.forEach((w, i) => {
    for (const column of Object.keys(w.row)) {
      if (!table.columns.includes(column)) {
        throw new GovernanceError(
          "INVALID_WRITE",
          `writes[${i}].row.${column}: ${table.id} has no such column (columns: ${table.columns.join(", ")}).`,
        );
      }
    }
    for (const k of table.key) {
      if (w.row[k] === null || w.row[k] === undefined) {
        throw new GovernanceError(
          "INVALID_WRITE",
          `writes[${i}].row.${k}: key column of ${table.id} is required.`,
        );
      }
    }
    const id = keyId(table, w.row);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new GovernanceError(
        "INVALID_WRITE",
        `writes[${first}] and writes[${i}] both write ${table.id} key ${id}; send them in separate calls so each gets its own version.`,
      );
    }
    seen.set(id, i);
  });
}

/**
 * Assigns versions (the key's current silver version + 1) to checked writes, given silver's
 * current rows by key id. Runs inside the table's queue, so no other write of this process can
 * take the same version between the read and the merge. Throws VERSION_CONFLICT when a write's
 * expectedVersion is not the current one.
 */
export function prepareWrites(
  table: GovernedTable,
  writes: readonly GovernedWrite[],
  actor: string,
  silverBaseVersion: number,
  current: ReadonlyMap<string, Row>,
): PreparedWrite[] {
  const occurredAt = new Date().toISOString();
  return writes.map((w, i) => {
    const before = current.get(keyId(table, w.row));
    const currentVersion = before ? Number(before[table.versionColumn]) : 0;
    if (w.expectedVersion !== undefined && w.expectedVersion !== currentVersion) {
      throw new GovernanceError(
        "VERSION_CONFLICT",
        `writes[${i}]: ${table.id} key ${keyId(table, w.row)} is at version ${currentVersion}, not ${w.expectedVersion}; read it again and reapply the change.`,
      );
    }
    const eventId = w.eventId ?? randomUUID();
    const version = currentVersion + 1;
    const row: Row = Object.fromEntries(table.columns.map((c) => [c, normalizeCell(w.row[c])]));
    row[table.versionColumn] = version;
    const rowKey = rowKeyOf(table, row);
    const base = { eventId, governedTable: table.id, rowKey, version, silverBaseVersion };
    return {
      eventId,
      version,
      silverRow: { ...row, [EVENT_ID_COLUMN]: eventId },
      intents: [
        { ...base, sink: "lakebase", payload: row },
        {
          ...base,
          sink: "bronze",
          payload: {
            event_id: eventId,
            governed_table: table.id,
            row_key: JSON.stringify(rowKey),
            version,
            actor,
            payload: JSON.stringify(row),
            silver_version: -1,
            occurred_at: occurredAt,
          },
        },
      ],
    };
  });
}
