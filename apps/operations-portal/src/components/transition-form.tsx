"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moveWorkOrderAction } from "../actions/work-orders.ts";
import {
  REASON_MAX,
  REASON_REQUIRED,
  STATUS_LABELS,
  WORK_ORDER_STATUSES,
  type WorkOrderStatus,
} from "../domain/work-orders/lifecycle.ts";
import { ConflictMessage } from "./conflict-message.tsx";

/** Moves the order along its lifecycle; the server decides which moves are legal and says why not. */
export function TransitionForm(props: {
  workOrderId: string;
  status: WorkOrderStatus;
  version: number;
  next: readonly WorkOrderStatus[];
}) {
  const router = useRouter();
  const [target, setTarget] = useState<WorkOrderStatus>(props.next[0] ?? props.status);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    start(async () => {
      const result = await moveWorkOrderAction({
        workOrderId: props.workOrderId,
        status: target,
        reason: reason || undefined,
        expectedVersion: props.version,
      });
      setFailure(result.ok ? null : result.error);
      if (result.ok) {
        setReason("");
        router.refresh();
      }
    });
  };
  return (
    <form className="op-form" onSubmit={submit} aria-label="Move work order">
      <label>
        Move to
        <select
          className="ab-select"
          name="status"
          value={target}
          onChange={(e) => setTarget(e.target.value as WorkOrderStatus)}
          aria-invalid={failure?.kind === "invalid" && failure.fieldErrors.status ? true : undefined}
        >
          {WORK_ORDER_STATUSES.filter((s) => s !== props.status).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
              {props.next.includes(s) ? "" : " (not allowed from here)"}
            </option>
          ))}
        </select>
      </label>
      <FieldError failure={failure} field="status" />
      <FieldError failure={failure} field="assigneeId" />
      <label>
        Reason {REASON_REQUIRED.includes(target) ? "(required)" : "(optional)"}
        <textarea
          className="ab-textarea"
          name="reason"
          rows={2}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <FieldError failure={failure} field="reason" />
      <FormError failure={failure} fields={["status", "reason", "assigneeId"]} />
      <ConflictMessage failure={failure} />
      <div>
        <button className="ab-button" type="submit" disabled={pending}>
          {pending ? "Moving…" : "Move work order"}
        </button>
      </div>
    </form>
  );
}
