import type { ReactNode } from "react";
import { cx } from "../internal/cx.ts";

/** A link styled as a button, for navigation that looks like an action. */
export function ButtonLink({
  href,
  children,
  variant = "secondary",
}: {
  href: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "ghost" | "danger";
}) {
  return (
    <a className={cx("ab-button", `ab-button--${variant}`)} href={href}>
      {children}
    </a>
  );
}
