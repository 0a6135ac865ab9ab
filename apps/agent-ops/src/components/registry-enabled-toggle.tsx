"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useState, useTransition } from "react";
import { setRegistryEnabledAction } from "../actions/registry.ts";
import { RegistryFailure } from "./registry-failure.tsx";

/** Disables or enables one agent or tool at the version shown in its row. */
export function RegistryEnabledToggle(props: {
  kind: "agent" | "tool";
  id: string;
  enabled: boolean;
  version: number;
}) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const verb = props.enabled ? "Disable" : "Enable";
  return (
    <div className="ao-stack">
      <button
        type="button"
        className={`ab-button ab-button--compact ${props.enabled ? "ab-button--danger" : "ab-button--primary"}`}
        aria-label={`${verb} ${props.kind} ${props.id}`}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await setRegistryEnabledAction({
              kind: props.kind,
              id: props.id,
              enabled: !props.enabled,
              expectedVersion: props.version,
            });
            setFailure(result.ok ? null : result.error);
          })
        }
      >
        {pending ? "Saving…" : verb}
      </button>
      {failure ? <RegistryFailure failure={failure} onReload={() => setFailure(null)} /> : null}
    </div>
  );
}
