"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  acknowledgeAlertAction,
  claimAlertAction,
  dismissAlertAction,
  openWorkOrderFromAlertAction,
  releaseAlertAction,
} from "../actions/alerts.ts";
import type { PRIORITIES } from "../domain/work-orders/priority.ts";
import { PrioritySelect, TechnicianSelect } from "./planning-selects.tsx";

type Mode = "idle" | "dismiss" | "work-order";

/** Claim, release, acknowledge, dismiss with a reason, or open a work order, by what the person may do. */
export function AlertControls(props: {
  alertId: string;
  version: number;
  heldByMe: boolean;
  heldByOther: boolean;
  can: { claim: boolean; resolve: boolean; createWorkOrder: boolean };
  suggestedTitle: string;
  suggestedPriority: (typeof PRIORITIES)[number];
  technicians: { id: string; displayName: string }[];
}) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("idle");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [requestId] = useState(() => crypto.randomUUID());
  const [pending, start] = useTransition();
  const run = (
    fn: () => Promise<{ ok: true; data: unknown } | { ok: false; error: ActionFailure }>,
    after?: (data: unknown) => void,
  ) =>
    start(async () => {
      const result = await fn();
      setFailure(result.ok ? null : result.error);
      if (result.ok) {
        setMode("idle");
        if (after) after(result.data);
        else router.refresh();
      }
    });
  const base = { alertId: props.alertId, expectedVersion: props.version };
  return (
    <div className="op-stack" style={{ gap: "0.4rem" }}>
      <div className="op-row">
        {!props.heldByMe && props.can.claim ? (
          <button
            type="button"
            className="ab-button"
            disabled={pending}
            onClick={() => run(() => claimAlertAction({ alertId: props.alertId }))}
          >
            Claim
          </button>
        ) : null}
        {props.heldByMe ? (
          <>
            {props.can.resolve ? (
              <button
                type="button"
                className="ab-button ab-button--secondary"
                disabled={pending}
                onClick={() => run(() => acknowledgeAlertAction(base))}
              >
                Acknowledge
              </button>
            ) : null}
            {props.can.resolve ? (
              <button
                type="button"
                className="ab-button ab-button--secondary"
                disabled={pending}
                onClick={() => setMode(mode === "dismiss" ? "idle" : "dismiss")}
              >
                Dismiss…
              </button>
            ) : null}
            {props.can.createWorkOrder ? (
              <button
                type="button"
                className="ab-button"
                disabled={pending}
                onClick={() => setMode(mode === "work-order" ? "idle" : "work-order")}
              >
                Open work order…
              </button>
            ) : null}
            <button
              type="button"
              className="ab-button ab-button--secondary"
              disabled={pending}
              onClick={() => run(() => releaseAlertAction(base))}
            >
              Release
            </button>
          </>
        ) : null}
      </div>
      {mode === "dismiss" ? (
        <form
          className="op-form"
          aria-label="Dismiss alert"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
            run(() => dismissAlertAction({ ...base, reason }));
          }}
        >
          <label>
            Why does it need no work?
            <textarea className="ab-textarea" name="reason" rows={2} maxLength={500} />
          </label>
          <FieldError failure={failure} field="reason" />
          <div>
            <button type="submit" className="ab-button" disabled={pending}>
              Dismiss alert
            </button>
          </div>
        </form>
      ) : null}
      {mode === "work-order" ? (
        <form
          className="op-form"
          aria-label="Open work order from alert"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            run(
              () =>
                openWorkOrderFromAlertAction({
                  ...base,
                  title: String(form.get("title") ?? ""),
                  priority: String(form.get("priority")) as (typeof PRIORITIES)[number],
                  assigneeId: String(form.get("assigneeId") ?? ""),
                  requestId,
                }),
              (data) => router.push(`/work-orders/${(data as { workOrderId: string }).workOrderId}`),
            );
          }}
        >
          <label>
            Title
            <input className="ab-input" name="title" maxLength={200} defaultValue={props.suggestedTitle} />
          </label>
          <FieldError failure={failure} field="title" />
          <div className="op-row">
            <PrioritySelect defaultValue={props.suggestedPriority} />
            <TechnicianSelect technicians={props.technicians} />
          </div>
          <FieldError failure={failure} field="assigneeId" />
          <div>
            <button type="submit" className="ab-button" disabled={pending}>
              Open work order
            </button>
          </div>
        </form>
      ) : null}
      {failure?.kind === "conflict" ? (
        <p className="op-error" role="alert" data-conflict>
          {failure.message}
        </p>
      ) : null}
      <FormError failure={failure} fields={["reason", "title", "assigneeId"]} />
    </div>
  );
}
