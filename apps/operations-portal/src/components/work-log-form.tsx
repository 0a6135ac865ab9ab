"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { recordWorkAction } from "../actions/work-orders.ts";

/** Records a part used or time spent; each submit carries a fresh request id, so a retry lands once. */
export function WorkLogForm({ workOrderId }: { workOrderId: string }) {
  const router = useRouter();
  const [entry, setEntry] = useState<"part" | "time">("time");
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="op-form"
      aria-label="Record parts and time"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const target = e.currentTarget;
        start(async () => {
          const note = String(form.get("note") ?? "");
          const result =
            entry === "part"
              ? await recordWorkAction({
                  entry,
                  workOrderId,
                  requestId,
                  partNumber: String(form.get("partNumber") ?? ""),
                  quantity: String(form.get("quantity") ?? ""),
                  note,
                })
              : await recordWorkAction({
                  entry,
                  workOrderId,
                  requestId,
                  minutes: String(form.get("minutes") ?? ""),
                  note,
                });
          setFailure(result.ok ? null : result.error);
          if (result.ok) {
            setRequestId(crypto.randomUUID());
            target.reset();
            router.refresh();
          }
        });
      }}
    >
      <div className="op-row" role="radiogroup" aria-label="Entry" style={{ gap: "1rem" }}>
        <label className="op-row">
          <input type="radio" name="entry" checked={entry === "time"} onChange={() => setEntry("time")} />{" "}
          Time
        </label>
        <label className="op-row">
          <input type="radio" name="entry" checked={entry === "part"} onChange={() => setEntry("part")} />{" "}
          Part
        </label>
      </div>
      {entry === "part" ? (
        <>
          <label>
            Part number
            <input className="ab-input" name="partNumber" maxLength={64} />
          </label>
          <FieldError failure={failure} field="partNumber" />
          <label>
            Quantity
            <input className="ab-input" name="quantity" inputMode="decimal" />
          </label>
          <FieldError failure={failure} field="quantity" />
        </>
      ) : (
        <>
          <label>
            Minutes
            <input className="ab-input" name="minutes" inputMode="numeric" />
          </label>
          <FieldError failure={failure} field="minutes" />
        </>
      )}
      <label>
        Note (optional)
        <input className="ab-input" name="note" maxLength={500} />
      </label>
      <FieldError failure={failure} field="note" />
      <FormError failure={failure} fields={["partNumber", "quantity", "minutes", "note"]} />
      <div>
        <button className="ab-button ab-button--secondary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Record"}
        </button>
      </div>
    </form>
  );
}
