"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createWorkOrderAction } from "../actions/work-orders.ts";
import type { PRIORITIES } from "../domain/work-orders/priority.ts";
import { PrioritySelect, TechnicianSelect } from "./planning-selects.tsx";

/** Opens a reactive work order on the asset and goes to it. */
export function CreateWorkOrderForm(props: {
  assetId: string;
  technicians: { id: string; displayName: string }[];
  defaultTitle?: string;
}) {
  const router = useRouter();
  const [requestId] = useState(() => crypto.randomUUID());
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="op-form"
      aria-label="Open a work order"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const result = await createWorkOrderAction({
            assetId: props.assetId,
            title: String(form.get("title") ?? ""),
            description: String(form.get("description") ?? ""),
            priority: String(form.get("priority") ?? "medium") as (typeof PRIORITIES)[number],
            assigneeId: String(form.get("assigneeId") ?? ""),
            requestId,
          });
          if (result.ok) router.push(`/work-orders/${result.data.id}`);
          else setFailure(result.error);
        });
      }}
    >
      <label>
        Title
        <input className="ab-input" name="title" maxLength={200} defaultValue={props.defaultTitle} required />
      </label>
      <FieldError failure={failure} field="title" />
      <label>
        Description (optional)
        <textarea className="ab-textarea" name="description" rows={2} maxLength={4000} />
      </label>
      <FieldError failure={failure} field="description" />
      <div className="op-row">
        <PrioritySelect defaultValue="high" />
        <TechnicianSelect technicians={props.technicians} />
      </div>
      <FieldError failure={failure} field="assigneeId" />
      <FormError failure={failure} fields={["title", "description", "assigneeId"]} />
      <div>
        <button className="ab-button" type="submit" disabled={pending}>
          {pending ? "Opening…" : "Open work order"}
        </button>
      </div>
    </form>
  );
}
