import { z } from "zod";
import type { CaseGovernance } from "../db/case-governance.ts";
import { type CaseDecision, decisionAsOf, decisionHistory } from "../domain/cases/case-decisions.ts";
import { DISPOSITION_LABELS, type Disposition } from "../domain/cases/lifecycle.ts";

const MIN = Date.parse("2000-01-01T00:00:00Z");

/** `asOf` from the URL: a time (datetime-local, UTC) between 2000 and now, or a message saying what is wrong. */
export const asOfParam = z
  .string()
  .max(40, "asOf is too long.")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "asOf must be a date and time (YYYY-MM-DDTHH:MM).")
  .transform((v) => new Date(`${v}Z`))
  .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() >= MIN && d.getTime() <= Date.now() + 60_000, {
    message: "asOf must be a real time between 2000 and now.",
  });

const stamp = (d: Date) => d.toISOString().slice(0, 16);

function describe(d: CaseDecision | null): string {
  if (!d) return "No decision yet.";
  const what =
    d.state === "closed"
      ? `Closed as ${DISPOSITION_LABELS[d.disposition as Disposition] ?? d.disposition}`
      : "Reopened";
  const who = d.proposed_by
    ? `proposed by ${d.proposed_by}, approved by ${d.decided_by}`
    : `by ${d.decided_by}`;
  return `${what} ${who} at ${stamp(d.decided_at).replace("T", " ")} UTC (v${d.version}) — “${d.rationale}”`;
}

/**
 * The case's governed decisions (silver is the authority): every version from bronze, and what
 * silver held at a chosen time.
 */
export async function DecisionAsOf(props: {
  caseId: string;
  governance: CaseGovernance | null;
  unavailable?: string;
  asOf: string | undefined;
}) {
  if (!props.governance)
    return (
      <section className="rc-card" aria-label="Governed decisions">
        <h2>Decisions (governed)</h2>
        <p className="rc-muted">{props.unavailable}</p>
      </section>
    );
  const parsed = props.asOf === undefined ? null : asOfParam.safeParse(props.asOf);
  const [history, asOf] = await Promise.all([
    decisionHistory(props.governance.writer, props.caseId),
    parsed?.success ? decisionAsOf(props.governance.writer, props.caseId, parsed.data) : null,
  ]);
  return (
    <section className="rc-card" aria-label="Governed decisions">
      <h2>Decisions (governed)</h2>
      {history.length === 0 ? (
        <p className="rc-muted">No disposition decided yet.</p>
      ) : (
        <ol className="rc-list">
          {history.map((d) => (
            <li key={d.version}>{describe(d)}</li>
          ))}
        </ol>
      )}
      <form className="rc-row" method="get" aria-label="Decision as of">
        <label>
          As of (UTC){" "}
          <input
            type="datetime-local"
            name="asOf"
            defaultValue={parsed?.success ? stamp(parsed.data) : ""}
            aria-describedby="asOf-error"
          />
        </label>
        <button className="ab-button ab-button--secondary" type="submit">
          Show
        </button>
      </form>
      {parsed && !parsed.success && (
        <p className="ab-action-error" role="alert" id="asOf-error">
          {parsed.error.issues[0]?.message}
        </p>
      )}
      {asOf && parsed?.success && (
        <p data-testid="decision-as-of">
          As of {stamp(parsed.data).replace("T", " ")} UTC: {describe(asOf.decision)}
          {asOf.silverVersion !== null && (
            <span className="rc-muted"> (silver version {asOf.silverVersion})</span>
          )}
        </p>
      )}
    </section>
  );
}
