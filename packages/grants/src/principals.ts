/**
 * Who a grant goes to. The app's service principal is a placeholder: its client id differs per
 * workspace and target, so it is bound when SQL or bundle YAML is generated, never written here.
 */
export type Principal =
  | { readonly kind: "app" }
  | { readonly kind: "group"; readonly name: string }
  | { readonly kind: "user"; readonly email: string };

/** Constructors that read well inside a matrix declaration. */
export const principal = {
  /** The kit app's service principal, bound at generation/apply time. */
  app: (): Principal => ({ kind: "app" }),
  /** A Databricks account group. */
  group: (name: string): Principal => ({ kind: "group", name }),
  /** A named Databricks user, by email. */
  user: (email: string): Principal => ({ kind: "user", email }),
} as const;

/** Databricks identity types as `databricks_create_role` and `postgres_roles.identity_type` spell them (Lakebase's role management API). */
export type DatabricksIdentityType = "USER" | "SERVICE_PRINCIPAL" | "GROUP";

/** The value bound to the app placeholder: a client id on Databricks, any role name locally. */
export interface PrincipalBinding {
  readonly appPrincipal: string;
}

/** The name a principal has in Unity Catalog and in Lakebase Postgres (both use email / client id / group name). */
export function principalName(p: Principal, binding: PrincipalBinding): string {
  switch (p.kind) {
    case "app":
      return binding.appPrincipal;
    case "group":
      return p.name;
    case "user":
      return p.email;
  }
}

/** The Databricks identity type behind a principal. */
export function identityTypeOf(p: Principal): DatabricksIdentityType {
  switch (p.kind) {
    case "app":
      return "SERVICE_PRINCIPAL";
    case "group":
      return "GROUP";
    case "user":
      return "USER";
  }
}

/** A stable key for de-duplicating principals. */
export function principalKey(p: Principal): string {
  return p.kind === "app" ? "app" : p.kind === "group" ? `group:${p.name}` : `user:${p.email.toLowerCase()}`;
}
