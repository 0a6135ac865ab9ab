"use client";

import { FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setChecklistStepAction } from "../actions/work-orders.ts";

/** The checklist; ticking a step saves it at once. */
export function ChecklistPanel(props: {
  workOrderId: string;
  steps: { id: string; label: string; done: boolean; doneBy: string | null }[];
  editable: boolean;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  if (props.steps.length === 0) return <p className="op-muted">No checklist on this work order.</p>;
  return (
    <>
      <ul className="op-checklist">
        {props.steps.map((step) => (
          <li key={step.id}>
            <label className="op-row">
              <input
                type="checkbox"
                checked={step.done}
                disabled={!props.editable || pending}
                onChange={(e) => {
                  const done = e.target.checked;
                  start(async () => {
                    const result = await setChecklistStepAction({
                      workOrderId: props.workOrderId,
                      stepId: step.id,
                      done,
                    });
                    setFailure(result.ok ? null : result.error);
                    router.refresh();
                  });
                }}
              />
              <span>{step.label}</span>
              {step.done && step.doneBy ? <span className="op-muted">— {step.doneBy}</span> : null}
            </label>
          </li>
        ))}
      </ul>
      <FormError failure={failure} fields={[]} />
    </>
  );
}
