export type { FormAction } from "../internal/form-action.ts";

/** One of the four kits, as the kit switcher shows it. */
export type KitLink = {
  id: string;
  title: string;
  url: string;
  current: boolean;
  /** `false` shows the kit disabled; defaults to true. */
  running?: boolean;
  /** Why it is disabled and how to start it, e.g. "Not running — start it with `pnpm dev --filter agent-ops`". */
  hint?: string;
};

/** A user the local identity switcher can act as. */
export type LocalUser = { id: string; displayName: string; email: string; roles: readonly string[] };

/** Where the app runs; decides the environment badge. */
export type EnvironmentMode = "local" | "postgres" | "databricks-apps";

/** A link in the kit's navigation bar. */
export type NavLink = { href: string; label: string; current?: boolean; count?: number };
