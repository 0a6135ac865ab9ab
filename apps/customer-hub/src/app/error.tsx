"use client";

import { ErrorState } from "@appbase/ui/states";

/** Last-resort boundary: an unexpected server failure (e.g. the database is down) as a message with a retry. */
export default function HubError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div>
      <ErrorState
        title="The hub could not load this page"
        message="The server could not finish this request, most often because the database is not reachable. Check the kit's /api/health, then try again."
        {...(error.digest ? { reference: error.digest } : {})}
      />
      <button className="ab-button" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
