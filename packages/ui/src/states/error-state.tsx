import type { ReactNode } from "react";
import { AlertIcon } from "../internal/icons.tsx";

export type ErrorStateProps = {
  title?: ReactNode;
  /** What went wrong and how to fix it, in words a person can act on. */
  message: ReactNode;
  /** A link that retries, usually the current URL. */
  retryHref?: string;
  retryLabel?: string;
  /** A reference to quote when asking for help, e.g. a request id. */
  reference?: string;
};

/** An error panel with an actionable message and a retry link. */
export function ErrorState({
  title = "Something went wrong",
  message,
  retryHref,
  retryLabel = "Try again",
  reference,
}: ErrorStateProps) {
  return (
    <div className="ab-state ab-state--error" role="alert">
      <AlertIcon size={28} className="ab-state__icon" />
      <p className="ab-state__title">{title}</p>
      <div className="ab-state__text">{message}</div>
      {retryHref ? (
        <a className="ab-button" href={retryHref}>
          {retryLabel}
        </a>
      ) : null}
      {reference ? (
        <p className="ab-state__reference">
          Reference <code>{reference}</code>
        </p>
      ) : null}
    </div>
  );
}
