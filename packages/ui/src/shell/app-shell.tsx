import type { ReactNode } from "react";
import { EnvironmentBadge } from "./environment-badge.tsx";
import { IdentitySwitcher, type IdentitySwitcherProps, initials } from "./identity-switcher.tsx";
import { KitSwitcher } from "./kit-switcher.tsx";
import { NavLinks } from "./nav-links.tsx";
import type { EnvironmentMode, KitLink, NavLink } from "./types.ts";

export type AppShellProps = {
  /** The kit's name, e.g. "Customer Intelligence Hub". */
  productName: string;
  /** Where the product name links to. */
  homeHref?: string;
  environment: EnvironmentMode;
  /** Extra environment detail, e.g. a branch name for previews. */
  environmentDetail?: string;
  kits?: readonly KitLink[];
  nav?: readonly NavLink[];
  /** The local identity switcher; leave out in Databricks Apps mode and it is not rendered at all. */
  identity?: IdentitySwitcherProps;
  /** The signed-in user to show when there is no switcher (the identity Databricks Apps forwards). */
  user?: { displayName: string; email?: string };
  /** Page-level notices (see `Banner`), shown above the content. */
  banner?: ReactNode;
  children: ReactNode;
};

/** Page frame of every kit: header with kit and identity switchers, environment badge, nav, banner slot, content. */
export function AppShell(props: AppShellProps) {
  return (
    <div className="ab-shell">
      <a className="ab-skip" href="#ab-main">
        Skip to content
      </a>
      <header className="ab-header">
        <div className="ab-header__row">
          <a className="ab-brand" href={props.homeHref ?? "/"}>
            <span className="ab-brand__mark" aria-hidden="true" />
            <span className="ab-brand__name">{props.productName}</span>
          </a>
          {props.kits ? <KitSwitcher kits={props.kits} /> : null}
          <div className="ab-header__end">
            <EnvironmentBadge mode={props.environment} detail={props.environmentDetail} />
            {props.identity ? (
              <IdentitySwitcher {...props.identity} />
            ) : props.user ? (
              <span className="ab-user" title={props.user.email}>
                <span className="ab-identity__avatar" aria-hidden="true">
                  {initials(props.user.displayName)}
                </span>
                {props.user.displayName}
              </span>
            ) : null}
          </div>
        </div>
        {props.nav ? <NavLinks links={props.nav} /> : null}
      </header>
      {props.banner ? <div className="ab-shell__banners">{props.banner}</div> : null}
      <main className="ab-main" id="ab-main">
        {props.children}
      </main>
    </div>
  );
}

/** Title row of a page: heading, optional description and right-aligned actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="ab-page-header">
      <div>
        <h1 className="ab-page-header__title">{title}</h1>
        {description ? <p className="ab-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="ab-page-header__actions">{actions}</div> : null}
    </div>
  );
}
