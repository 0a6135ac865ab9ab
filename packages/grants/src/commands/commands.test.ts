import { describe, expect, it } from "vitest";
import { sampleMatrices } from "../testing/sample-matrices.ts";
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

  it("names the flag for a malformed kit id, and the kits there are for an unknown one", () => {
    expect(() => parseGrantsOptions({ kit: "Not A Kit" })).toThrow("--kit must be a kit id");
    expect(() => planText(parseGrantsOptions({ kit: "crm" }), sampleMatrices)).toThrow(
      "--kit crm: no such kit; kits here: sample-desk, sample-queue",
    );
  });
});

describe("plan", () => {
  it("prints all three artifacts for one kit with the bound principal", () => {
    const text = planText(
      parseGrantsOptions({ kit: "sample-queue", target: "databricks", appPrincipal: "sp-123" }),
      sampleMatrices,
    );
    expect(text).toContain("PERFORM databricks_create_role('sp-123', 'SERVICE_PRINCIPAL')");
    expect(text).toContain("GRANT USE CATALOG ON CATALOG `appbase` TO `sp-123`;");
    expect(text).toContain(`principal: \${resources.apps.sample_queue.service_principal_client_id}`);
    expect(text).not.toContain("sample-desk");
  });

  it("prints one part with --only, for every kit without --kit", () => {
    const text = planText(parseGrantsOptions({ only: "unity-catalog" }), sampleMatrices);
    for (const kit of ["sample-desk", "sample-queue"]) expect(text).toContain(`-- ${kit}:`);
    expect(text).not.toContain("CREATE SCHEMA");
    expect(text).toContain("<app-service-principal-client-id>");
  });
});
