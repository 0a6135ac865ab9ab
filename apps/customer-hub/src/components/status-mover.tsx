"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { StatusBadge } from "@appbase/ui/badges";
import { useState, useTransition } from "react";
import { moveStatusAction } from "../actions/status.ts";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "../domain/status/workflow.ts";

/** Moves the customer along the workflow; the server decides which moves are legal. */
export function StatusMover(props: {
  customerId: string;
  status: WorkflowStatus;
  version: number;
  suggested: readonly WorkflowStatus[];
  canChange: boolean;
}) {
  const [target, setTarget] = useState<WorkflowStatus>(props.suggested[0] ?? props.status);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const result = await moveStatusAction({
        customerId: props.customerId,
        status: target,
        expectedVersion: props.version,
      });
      setFailure(result.ok ? null : result.error);
    });
  return (
    <section className="ch-card" aria-label="Workflow status">
      <h2>Workflow status</h2>
      <p className="ch-row">
        Current: <StatusBadge tone="info">{props.status}</StatusBadge>
        <span className="ab-muted">next: {props.suggested.join(" or ")}</span>
      </p>
      {props.canChange ? (
        <div className="ch-row">
          <label className="ch-row">
            Move to
            <select
              className="ab-select"
              name="status"
              value={target}
              onChange={(e) => setTarget(e.target.value as WorkflowStatus)}
              aria-invalid={failure?.kind === "invalid" ? true : undefined}
            >
              {WORKFLOW_STATUSES.filter((s) => s !== props.status).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button className="ab-button" type="button" onClick={submit} disabled={pending}>
            {pending ? "Moving…" : "Move status"}
          </button>
        </div>
      ) : (
        <p className="ab-muted">Your role cannot change the status (needs status.change).</p>
      )}
      <FieldError failure={failure} field="status" />
      <FormError failure={failure} fields={["status"]} />
      {failure?.kind === "conflict" ? (
        <p className="ch-error" role="alert">
          {failure.message} Reload the page to see the current status.
        </p>
      ) : null}
    </section>
  );
}
