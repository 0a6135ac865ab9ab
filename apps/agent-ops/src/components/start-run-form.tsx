"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startRunAction } from "../actions/runs.ts";

/** Starts a demo support-agent run; on success opens its thread. */
export function StartRunForm() {
  const [request, setRequest] = useState("Please refund order ORD-1234, it arrived broken");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const submit = () =>
    start(async () => {
      const result = await startRunAction({ request });
      if (result.ok) {
        setFailure(null);
        router.push(`/threads/${result.data.threadId}`);
      } else setFailure(result.error);
    });
  return (
    <form
      aria-label="Start a demo run"
      className="ao-row"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="ao-grow">
        <span>Customer request</span>
        <input
          className="ab-input"
          name="request"
          value={request}
          onChange={(e) => setRequest(e.target.value)}
        />
      </label>
      <button className="ab-button" type="submit" disabled={pending}>
        {pending ? "Running…" : "Start support agent run"}
      </button>
      {failure ? (
        <p role="alert" className="ao-error">
          {failure.kind === "invalid"
            ? (failure.fieldErrors.request?.[0] ?? failure.message)
            : failure.message}
        </p>
      ) : null}
    </form>
  );
}
