"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useState, useTransition } from "react";
import { recordConsentAction } from "../actions/consent.ts";
import { CONSENT_PURPOSES, type ConsentPurpose, type Consents } from "../domain/customers/consent.ts";

const FIELDS = ["purpose", "granted", "reason"];

/** A privacy officer's form: the purpose, the decision and why (the reason is kept in the audit trail). */
export function ConsentRecorder(props: { customerId: string; consents: Consents }) {
  const [purpose, setPurpose] = useState<ConsentPurpose>("marketing");
  const [reason, setReason] = useState("");
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  // The decision recorded is the opposite of what is in force: withdraw a granted purpose, grant a withdrawn one.
  const granted = !props.consents[purpose];
  const submit = () =>
    start(async () => {
      const result = await recordConsentAction({
        customerId: props.customerId,
        purpose,
        granted,
        reason,
        requestId,
      });
      setFailure(result.ok ? null : result.error);
      if (result.ok) {
        setReason("");
        setRequestId(crypto.randomUUID());
      }
    });
  return (
    <fieldset className="ch-stack" aria-label="Record a consent decision">
      <label className="ch-row">
        Purpose
        <select
          className="ab-select"
          name="purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value as ConsentPurpose)}
        >
          {CONSENT_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="ch-stack">
        Reason
        <input
          className="ab-input"
          name="reason"
          value={reason}
          maxLength={500}
          placeholder="e.g. Customer withdrew by phone on 3 March"
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={failure?.kind === "invalid" ? true : undefined}
        />
      </label>
      <FieldError failure={failure} field="reason" />
      <FormError failure={failure} fields={FIELDS} />
      <button className="ab-button" type="button" onClick={submit} disabled={pending}>
        {pending
          ? "Recording…"
          : granted
            ? `Record ${purpose} consent granted`
            : `Record ${purpose} consent withdrawn`}
      </button>
    </fieldset>
  );
}
