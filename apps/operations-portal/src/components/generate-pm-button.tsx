"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { generatePreventiveAction } from "../actions/maintenance.ts";

/** Runs preventive-maintenance generation now and says what it did. */
export function GeneratePmButton() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="op-row">
      <button
        type="button"
        className="ab-button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await generatePreventiveAction({});
            setMessage(
              result.ok
                ? `${result.data.created} new order(s); ${result.data.considered - result.data.created} already open`
                : result.error.message,
            );
            router.refresh();
          })
        }
      >
        {pending ? "Generating…" : "Generate due work"}
      </button>
      {message ? <span role="status">{message}</span> : null}
    </span>
  );
}
