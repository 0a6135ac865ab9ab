export { AppShell, type AppShellProps, PageHeader } from "./app-shell.tsx";
export { EnvironmentBadge } from "./environment-badge.tsx";
export { IdentitySwitcher, type IdentitySwitcherProps } from "./identity-switcher.tsx";
export { KitSwitcher } from "./kit-switcher.tsx";
export { NavLinks } from "./nav-links.tsx";
export type { EnvironmentMode, FormAction, KitLink, LocalUser, NavLink } from "./types.ts";
