"use client";

import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";

/** Why a registry save failed; a conflict offers to load the version someone else saved. */
export function RegistryFailure({ failure, onReload }: { failure: ActionFailure; onReload?: () => void }) {
  const router = useRouter();
  const text =
    failure.kind === "invalid"
      ? Object.entries(failure.fieldErrors)
          .map(([field, messages]) => (field === "_form" ? messages[0] : `${field}: ${messages[0]}`))
          .join(" ")
      : failure.message;
  return (
    <div role="alert" className="ao-error">
      {text || failure.message}{" "}
      {failure.kind === "conflict" ? (
        <button
          type="button"
          className="ab-button ab-button--ghost ab-button--compact"
          onClick={() => {
            onReload?.();
            router.refresh();
          }}
        >
          Load the saved version
        </button>
      ) : null}
    </div>
  );
}
