import type { ReactNode } from "react";
import { TrayIcon } from "../internal/icons.tsx";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** The next step, e.g. "Load sample data". */
  action?: { href: string; label: string };
  /** Smaller variant for use inside cards and panels. */
  compact?: boolean;
};

/** Says there is nothing here and what to do about it. */
export function EmptyState({ title, description, action, compact }: EmptyStateProps) {
  return (
    <div className={compact ? "ab-state ab-state--compact" : "ab-state"}>
      <TrayIcon className="ab-state__icon" />
      <p className="ab-state__title">{title}</p>
      {description ? <p className="ab-state__text">{description}</p> : null}
      {action ? (
        <a className="ab-button" href={action.href}>
          {action.label}
        </a>
      ) : null}
    </div>
  );
}
