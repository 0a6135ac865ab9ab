import { describe, expect, it } from "vitest";
import { lakebaseProjectId, syncedTablesCatalog, syncedTablesCatalogOf } from "./lakebase-names.ts";

describe("Lakebase names per target", () => {
  it("derives the synced tables' catalog back from the endpoint the bundle bound", () => {
    const endpoint = `projects/${lakebaseProjectId("customer-hub", "staging")}/branches/production/endpoints/primary`;
    expect(syncedTablesCatalogOf("customer-hub", { LAKEBASE_ENDPOINT: endpoint })).toBe(
      syncedTablesCatalog("customer-hub", "staging"),
    );
    expect(syncedTablesCatalog("customer-hub", "staging")).toBe("customer_hub_staging");
  });

  it("is undefined for an unbound endpoint or another kit's project", () => {
    expect(syncedTablesCatalogOf("customer-hub", {})).toBeUndefined();
    expect(
      syncedTablesCatalogOf("customer-hub", {
        LAKEBASE_ENDPOINT: "projects/agent-ops-dev/branches/production/endpoints/primary",
      }),
    ).toBeUndefined();
    expect(
      syncedTablesCatalogOf("customer-hub", { LAKEBASE_ENDPOINT: "projects/customer-hub-/x" }),
    ).toBeUndefined();
  });
});
