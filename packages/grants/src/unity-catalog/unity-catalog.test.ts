import { describe, expect, it } from "vitest";
import { UC_PRIVILEGES } from "../privileges.ts";
import { sampleMatrices, sampleMatrix } from "../testing/sample-matrices.ts";
import { bundleAppPrincipalRef, bundleCarries, bundleGrantResources } from "./bundle-grants.ts";
import { ucGrantStatements } from "./uc-grants.ts";

const APP = "6f1c2a9e-0d4b-4c43-9e4f-2b7a1f0c9d11";
const GRANT = /^GRANT (.+) ON (CATALOG|SCHEMA|TABLE|VOLUME) (`[^`]+`(?:\.`[^`]+`)*) TO `([^`]+)`;$/;
const allowed = new Set<string>(UC_PRIVILEGES);

describe.each(sampleMatrices.map((m) => [m.kit, m] as const))(
  "Unity Catalog output for %s",
  (_kit, matrix) => {
    const statements = ucGrantStatements(matrix, { catalog: "appbase", appPrincipal: APP });
    const resources = bundleGrantResources(matrix, {
      catalog: `\${var.catalog}`,
      appPrincipal: bundleAppPrincipalRef("app"),
    });

    it("emits only known Unity Catalog privileges, in SQL spelling, to backticked principals", () => {
      expect(statements.length).toBeGreaterThan(0);
      for (const sql of statements) {
        const match = GRANT.exec(sql);
        expect(match, sql).not.toBeNull();
        for (const privilege of (match?.[1] ?? "").split(", ")) {
          expect(allowed.has(privilege.replaceAll(" ", "_")), `${privilege} in ${sql}`).toBe(true);
        }
      }
    });

    it("grants the app's service principal by its bound client id, never a name from the matrix", () => {
      expect(statements.some((s) => s.endsWith(`TO \`${APP}\`;`))).toBe(true);
      expect(statements.some((s) => s.includes("USE CATALOG ON CATALOG `appbase`"))).toBe(true);
    });

    it("writes bundle grant blocks whose privileges are all reference names", () => {
      const blocks = [...Object.values(resources.schemas), ...Object.values(resources.volumes)];
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        for (const assignment of block.grants) {
          expect(assignment.principal).not.toBe("");
          for (const p of assignment.privileges) expect(allowed.has(p), p).toBe(true);
        }
      }
      expect(Object.values(resources.schemas).every((s) => s.catalog_name === `\${var.catalog}`)).toBe(true);
    });

    it("puts every grant either in the bundle or in the SQL for the catalog owner, never neither", () => {
      const inBundle = matrix.unityCatalog.grants.filter((g) => bundleCarries(g, matrix));
      const sqlOnly = ucGrantStatements(
        matrix,
        { catalog: "appbase", appPrincipal: APP },
        { exclude: (g) => bundleCarries(g, matrix) },
      );
      expect(inBundle.length).toBeGreaterThan(0);
      expect(sqlOnly.length).toBeGreaterThan(0);
      const bundled = new Set(Object.values(resources.schemas).map((s) => s.name));
      for (const g of inBundle) if (g.on.type === "schema") expect(bundled.has(g.on.schema)).toBe(true);
    });
  },
);

describe("Unity Catalog merging", () => {
  it("merges one principal's privileges on one securable into a single GRANT", () => {
    const matrix = sampleMatrix;
    const statements = ucGrantStatements(matrix, { catalog: "main", appPrincipal: APP });
    expect(statements).toContain(
      `GRANT USE SCHEMA, SELECT, MODIFY, CREATE TABLE, CREATE VOLUME ON SCHEMA \`main\`.\`sample_desk\` TO \`${APP}\`;`,
    );
    expect(new Set(statements).size).toBe(statements.length);
  });

  it("shapes bundle grants as the bundle schema's PrivilegeAssignment and references the app's SP", () => {
    const resources = bundleGrantResources(sampleMatrix, {
      catalog: `\${var.catalog}`,
      appPrincipal: bundleAppPrincipalRef("sample_desk"),
      manageCatalog: true,
    });
    expect(resources.schemas.sample_desk?.grants[0]).toEqual({
      principal: `\${resources.apps.sample_desk.service_principal_client_id}`,
      privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE", "CREATE_VOLUME"],
    });
    expect(Object.keys(resources.volumes)).toEqual(["sample_desk_evidence"]);
    expect(resources.catalogs?.catalog?.grants.map((g) => g.principal)).toContain("sample-desk-admins");
  });
});
