"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { handAlertToAgentAction } from "../actions/hand-off.ts";

/** Hands the alert to Agent Ops' maintenance planner; a refusal (e.g. Agent Ops not deployed) says why. */
export function HandToAgentButton({ alertId }: { alertId: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="op-row">
      <button
        type="button"
        className="ab-button ab-button--secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await handAlertToAgentAction({ alertId });
            setFailure(result.ok ? null : result.error);
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? "Handing to agent…" : "Hand to agent"}
      </button>
      {failure ? (
        <span className="ab-action-error" role="alert">
          {failure.message}
        </span>
      ) : null}
    </span>
  );
}
