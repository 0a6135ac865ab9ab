import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findRepoRoot } from "../repo.ts";
import { databricksPreviewBinding } from "./preview.ts";

describe("databricksPreviewBinding", () => {
  it("binds the target's app to the branch through the bundle's lakebase_branch variable", () => {
    const binding = databricksPreviewBinding({
      kit: "customer-hub",
      target: "staging",
      branch: "status-migration",
      profile: "ops",
    });
    expect(binding.project).toBe("customer-hub-staging");
    expect(binding.variables).toEqual({ lakebase_branch: "status-migration" });
    const common = ["--target", "staging", "--profile", "ops", "--var", "lakebase_branch=status-migration"];
    expect(binding.commands).toEqual([
      ["bundle", "validate", ...common],
      ["bundle", "deploy", ...common],
      ["bundle", "run", "customer_hub", ...common],
    ]);
  });

  it("names a variable the committed bundle declares and uses for the app's branch and database", () => {
    const bundle = parse(
      readFileSync(join(findRepoRoot(), "bundles", "customer-hub", "databricks.yml"), "utf8"),
    ) as {
      variables: Record<string, { default?: string }>;
      resources: { apps: { customer_hub: { resources: { postgres?: Record<string, string> }[] } } };
    };
    const [name] = Object.keys(
      databricksPreviewBinding({ kit: "customer-hub", target: "dev", branch: "b" }).variables,
    );
    expect(bundle.variables[name ?? ""]?.default).toBe("production");
    const postgres = bundle.resources.apps.customer_hub.resources.find((r) => r.postgres)?.postgres;
    expect(postgres?.branch).toBe(`\${resources.postgres_projects.lakebase.id}/branches/\${var.${name}}`);
    expect(postgres?.database).toContain(`/branches/\${var.${name}}/databases/`);
  });
});
