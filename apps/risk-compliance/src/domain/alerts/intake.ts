import type { Queryable } from "@appbase/db";
import type pg from "pg";
import type { Embedder } from "../policies/embedder.ts";
import { type IndexProgress, indexPolicies } from "../policies/index-policies.ts";
import { hasRetrieval, importSyncedPolicies } from "../policies/policy-versions.ts";
import type { Alert } from "./alert-queue.ts";
import { SEVERITIES, type Severity } from "./alert-queue.ts";
import { raiseAlert } from "./raise-alert.ts";

/** Synced alerts raised per intake run; the rest wait for the next run, newest first. */
export const INTAKE_BATCH = 200;

interface SyncedAlert {
  alert_id: string;
  entity_id: string;
  rule_id: string;
  rule_name: string;
  severity: string;
  score: number;
  opened_at: Date;
}

export interface AlertIntake {
  /** Alerts added to the queue. */
  raised: Alert[];
  /** Synced alerts that joined an open alert with the same dedup key (a repeat signal). */
  joined: number;
}

/**
 * Raises the synced gold alerts (`risk.alerts`) the kit has not taken in yet, newest first and at
 * most `limit` per call, through the same path as a live signal: a repeat joins its open alert.
 * Each synced alert is raised and recorded as taken in one transaction, so a re-run (or a run that
 * stopped half-way) raises every synced alert once. Callers serialise runs (see `runIntake`).
 */
export async function raiseSyncedAlerts(client: Queryable, limit = INTAKE_BATCH): Promise<AlertIntake> {
  const { rows } = await client.query<SyncedAlert>(
    `select s.alert_id, s.entity_id, s.rule_id, s.rule_name, s.severity, s.score, s.opened_at from risk.alerts s
     where not exists (select 1 from risk_compliance.synced_alert_intake i where i.source_alert_id = s.alert_id)
     order by s.opened_at desc, s.alert_id limit $1`,
    [limit],
  );
  const intake: AlertIntake = { raised: [], joined: 0 };
  for (const r of rows) {
    const severity = (SEVERITIES as readonly string[]).includes(r.severity)
      ? (r.severity as Severity)
      : "medium";
    await client.query("begin");
    try {
      const { alert, created } = await raiseAlert(client, {
        entityId: r.entity_id,
        ruleId: r.rule_id,
        ruleName: r.rule_name,
        severity,
        score: r.score,
        firedAt: new Date(r.opened_at),
        sourceAlertId: r.alert_id,
      });
      await client.query(
        "insert into risk_compliance.synced_alert_intake (source_alert_id, alert_id) values ($1, $2)",
        [r.alert_id, alert.id],
      );
      await client.query("commit");
      if (created) intake.raised.push(alert);
      else intake.joined++;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    }
  }
  return intake;
}

export interface PolicyIntake {
  /** Synced policies copied into the kit's versions. */
  imported: number;
  /** Policy indexing, or null where the database has no retrieval tables (no pgvector). */
  indexed: IndexProgress | null;
}

/** Copies synced policies the kit does not hold yet and brings their chunks' embeddings up to date. */
export async function takeInPolicies(db: Queryable, embedder: Embedder): Promise<PolicyIntake> {
  const imported = await importSyncedPolicies(db);
  const indexed = (await hasRetrieval(db)) ? await indexPolicies(db, embedder) : null;
  return { imported, indexed };
}

/** One intake run's counts, or `skipped` when another instance held the intake lock. */
export type IntakeRun = { skipped: true } | ({ skipped: false } & AlertIntake & PolicyIntake);

// Advisory lock key: one intake at a time across every instance on the database.
const INTAKE_LOCK = "risk_compliance.intake";

/**
 * The kit's intake of synced gold data: raises new synced alerts into the queue and imports and
 * indexes synced policies. Holds a session advisory lock on one connection for the run, so two
 * instances starting together (or a timer firing during a slow run) do the work once; the one that
 * does not get the lock skips.
 */
export async function runIntake(
  pool: Pick<pg.Pool, "connect">,
  embedder: Embedder,
  options: { limit?: number } = {},
): Promise<IntakeRun> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "select pg_try_advisory_lock(hashtext($1)) as locked",
      [INTAKE_LOCK],
    );
    if (!rows[0]?.locked) return { skipped: true };
    try {
      const alerts = await raiseSyncedAlerts(client, options.limit);
      const policies = await takeInPolicies(client, embedder);
      return { skipped: false, ...alerts, ...policies };
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [INTAKE_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** The log line of an intake run. */
export function describeIntake(run: IntakeRun): string {
  if (run.skipped) return "skipped: another instance holds the intake lock";
  const indexed = run.indexed
    ? `${run.indexed.embedded} policy chunks embedded (${run.indexed.remaining} waiting)`
    : "retrieval off (no pgvector)";
  return `${run.raised.length} alerts raised, ${run.joined} joined an open alert, ${run.imported} policies imported, ${indexed}`;
}
