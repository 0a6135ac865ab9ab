import { describe, expect, it } from "vitest";
import { parseGrantsOptions } from "./options.ts";
import { planText } from "./run-grants.ts";

describe("grants command options", () => {
  it("defaults to every kit, the local target and the appbase catalog", () => {
    expect(parseGrantsOptions({})).toEqual({ target: "local", catalog: "appbase" });
  });

  it("requires the service principal for a Databricks target, saying where to find it", () => {
    expect(() => parseGrantsOptions({ target: "databricks" })).toThrow(
      /--app-principal is required with --target databricks/,
    );
  });

  it("names the flag and the valid kits for an unknown kit", () => {
    expect(() => parseGrantsOptions({ kit: "crm" })).toThrow(
      "--kit must be one of customer-hub, agent-ops, risk-compliance, operations-portal",
    );
  });
});

describe("plan", () => {
  it("prints all three artifacts for one kit with the bound principal", () => {
    const text = planText(
      parseGrantsOptions({ kit: "agent-ops", target: "databricks", appPrincipal: "sp-123" }),
    );
    expect(text).toContain("PERFORM databricks_create_role('sp-123', 'SERVICE_PRINCIPAL')");
    expect(text).toContain("GRANT USE CATALOG ON CATALOG `appbase` TO `sp-123`;");
    expect(text).toContain(`principal: \${resources.apps.agent_ops.service_principal_client_id}`);
    expect(text).not.toContain("customer-hub");
  });

  it("prints one part with --only, for every kit without --kit", () => {
    const text = planText(parseGrantsOptions({ only: "unity-catalog" }));
    for (const kit of ["customer-hub", "agent-ops", "risk-compliance", "operations-portal"])
      expect(text).toContain(`-- ${kit}:`);
    expect(text).not.toContain("CREATE SCHEMA");
    expect(text).toContain("<app-service-principal-client-id>");
  });
});
