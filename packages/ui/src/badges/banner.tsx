import type { ReactNode } from "react";
import { AlertIcon, InfoIcon } from "../internal/icons.tsx";
import type { BannerTone } from "./tone.ts";

export type BannerProps = {
  tone?: BannerTone;
  title: ReactNode;
  children?: ReactNode;
  /** A follow-up link, e.g. "View sync status". */
  action?: { href: string; label: string };
};

/** Page-level notice shown above the content (degraded mode, stale data, read-only preview). */
export function Banner({ tone = "info", title, children, action }: BannerProps) {
  return (
    <div className={`ab-banner ab-banner--${tone}`} role={tone === "danger" ? "alert" : "status"}>
      {tone === "info" ? <InfoIcon className="ab-banner__icon" /> : <AlertIcon className="ab-banner__icon" />}
      <div className="ab-banner__body">
        <strong className="ab-banner__title">{title}</strong>
        {children ? <div className="ab-banner__text">{children}</div> : null}
      </div>
      {action ? (
        <a className="ab-banner__action" href={action.href}>
          {action.label}
        </a>
      ) : null}
    </div>
  );
}
