"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { assignWorkOrderAction, reprioritizeWorkOrderAction } from "../actions/work-orders.ts";
import type { Priority } from "../domain/work-orders/priority.ts";
import { ConflictMessage } from "./conflict-message.tsx";
import { PrioritySelect, TechnicianSelect } from "./planning-selects.tsx";

/** A planner's controls: who does the work and how urgent it is. */
export function AssignForm(props: {
  workOrderId: string;
  version: number;
  assigneeId: string | null;
  priority: Priority;
  technicians: { id: string; displayName: string }[];
}) {
  const router = useRouter();
  const [assignee, setAssignee] = useState(props.assigneeId ?? "");
  const [priority, setPriority] = useState<Priority>(props.priority);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: ActionFailure }>) =>
    start(async () => {
      const result = await fn();
      setFailure(result.ok ? null : (result.error ?? null));
      if (result.ok) router.refresh();
    });
  return (
    <div className="op-form">
      <form
        className="op-row"
        aria-label="Assign"
        onSubmit={(e) => {
          e.preventDefault();
          run(() =>
            assignWorkOrderAction({
              workOrderId: props.workOrderId,
              assigneeId: assignee,
              expectedVersion: props.version,
            }),
          );
        }}
      >
        <TechnicianSelect technicians={props.technicians} value={assignee} onChange={setAssignee} />
        <button className="ab-button ab-button--secondary" type="submit" disabled={pending}>
          Assign
        </button>
      </form>
      <FieldError failure={failure} field="assigneeId" />
      <form
        className="op-row"
        aria-label="Priority"
        onSubmit={(e) => {
          e.preventDefault();
          run(() =>
            reprioritizeWorkOrderAction({
              workOrderId: props.workOrderId,
              priority,
              expectedVersion: props.version,
            }),
          );
        }}
      >
        <PrioritySelect value={priority} onChange={setPriority} />
        <button className="ab-button ab-button--secondary" type="submit" disabled={pending}>
          Set priority
        </button>
      </form>
      <FieldError failure={failure} field="priority" />
      <FormError failure={failure} fields={["assigneeId", "priority"]} />
      <ConflictMessage failure={failure} />
    </div>
  );
}
