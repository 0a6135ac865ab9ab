import type { BindingDeclaration } from "@appbase/bindings";

// Scopes of the forwarded user token (platform reference §2.2: `user_api_scopes`; the scope names as the
// Databricks Apps user-authorization docs and the CLI's app template list them). Declaring any scope
// replaces the platform's defaults, so the two identity scopes are always declared: every kit reads the
// signed-in user's groups from SCIM `Me` with that token (next-kit's workspace-groups).
const IDENTITY_SCOPES = ["iam.current-user:read", "iam.access-control:read"] as const;

/** The scope a call to a resource of this type as the user needs. */
const SCOPE_BY_TYPE: Partial<Record<BindingDeclaration["type"], string>> = {
  genie_space: "dashboards.genie",
  sql_warehouse: "sql",
  serving_endpoint: "serving.serving-endpoints",
  uc_volume: "files.files",
  postgres: "postgres",
};

/** The app's `user_api_scopes`: the identity scopes, plus one per resource the app calls as the user. */
export function userApiScopesOf(bindings: readonly BindingDeclaration[]): string[] {
  const scopes = new Set<string>(IDENTITY_SCOPES);
  for (const binding of bindings) {
    if (binding.calledAs !== "user") continue;
    const scope = SCOPE_BY_TYPE[binding.type];
    if (!scope) {
      throw new Error(
        `${binding.resource}: no user API scope is known for a ${binding.type} called as the user; call it as the app`,
      );
    }
    scopes.add(scope);
  }
  return [...scopes];
}
