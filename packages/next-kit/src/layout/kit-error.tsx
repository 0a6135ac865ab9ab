"use client";

import { ErrorState } from "@appbase/ui/states";

/**
 * Every kit's last-resort boundary (src/app/error.tsx re-exports it): an unexpected server failure,
 * e.g. the database is down, as a message with the error's reference and a retry.
 */
export default function KitError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div>
      <ErrorState
        title="This page could not load"
        message="The server could not finish this request, most often because the database is not reachable. Check the kit's /api/health, then try again."
        {...(error.digest ? { reference: error.digest } : {})}
      />
      <button className="ab-button" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
