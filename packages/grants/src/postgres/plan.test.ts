import { describe, expect, it } from "vitest";
import { sampleMatrices, sampleMatrix } from "../testing/sample-matrices.ts";
import { postgresPlan } from "./plan.ts";

const SP = "6f1c2a9e-0d4b-4c43-9e4f-2b7a1f0c9d11";

describe.each(sampleMatrices.map((m) => [m.kit, m] as const))("Postgres plan for %s", (_kit, matrix) => {
  const databricks = postgresPlan(matrix, { target: "databricks", appPrincipal: SP });
  const local = postgresPlan(matrix, { target: "local", appPrincipal: "kit_app" });
  const synced = matrix.lakebase.schemas.filter((s) => s.authority === "synced").map((s) => s.name);
  const owned = matrix.lakebase.schemas.filter((s) => s.authority === "lakebase").map((s) => s.name);

  it("creates Databricks identities through databricks_auth, the app as a SERVICE_PRINCIPAL", () => {
    expect(databricks[0]?.sql).toBe("CREATE EXTENSION IF NOT EXISTS databricks_auth;");
    expect(
      databricks.some((s) => s.sql.includes(`PERFORM databricks_create_role('${SP}', 'SERVICE_PRINCIPAL')`)),
    ).toBe(true);
    const groupRoles = databricks.filter((s) => s.sql.includes("'GROUP')"));
    expect(groupRoles.length).toBeGreaterThan(0);
    expect(databricks.some((s) => /CREATE ROLE/.test(s.sql))).toBe(false);
  });

  it("creates plain roles locally, with no Databricks extension", () => {
    expect(local.some((s) => s.sql.includes("databricks_"))).toBe(false);
    expect(local.some((s) => s.sql.includes('CREATE ROLE "kit_app" LOGIN'))).toBe(true);
  });

  it("makes the app own its schemas and guards every role creation with an existence check", () => {
    for (const schema of owned) {
      expect(local.map((s) => s.sql)).toContain(`ALTER SCHEMA "${schema}" OWNER TO "kit_app";`);
    }
    for (const s of local.filter((s) => s.sql.includes("CREATE ROLE")))
      expect(s.sql).toMatch(/IF NOT EXISTS/);
  });

  it("grants only SELECT on synced schemas and revokes writes there", () => {
    for (const schema of synced) {
      const grants = local.filter((s) => s.sql.startsWith("GRANT") && s.sql.includes(`SCHEMA "${schema}"`));
      expect(grants.length).toBeGreaterThan(0);
      for (const g of grants) expect(g.sql).toMatch(/^GRANT (SELECT|USAGE) ON /);
      expect(local.map((s) => s.sql)).toContain(
        `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA "${schema}" FROM "kit_app";`,
      );
    }
  });

  it("declares default privileges so tables created later get the same grants", () => {
    const defaults = local.filter((s) => s.sql.startsWith("ALTER DEFAULT PRIVILEGES"));
    const tableGrants = matrix.lakebase.grants.filter((g) => g.on === "tables");
    expect(defaults.length).toBe(tableGrants.length);
    for (const d of defaults.filter((d) => owned.some((o) => d.sql.includes(`IN SCHEMA "${o}"`))))
      expect(d.sql).toContain('FOR ROLE "kit_app"');
  });
});

it("declares synced-schema defaults for the sync pipeline's role when it is bound", () => {
  const plan = postgresPlan(sampleMatrix, {
    target: "local",
    appPrincipal: "a",
    syncedTableOwner: "sync_writer",
  });
  expect(plan.map((s) => s.sql)).toContain(
    'ALTER DEFAULT PRIVILEGES FOR ROLE "sync_writer" IN SCHEMA "sample_gold" GRANT SELECT ON TABLES TO "a";',
  );
});
