import { describe, expect, it } from "vitest";
import { defineKitMatrix, MatrixDeclarationError, matrixIssues } from "./define-kit-matrix.ts";
import type { KitMatrixDeclaration } from "./matrix.ts";
import { principal } from "./principals.ts";
import { caseFile, contact, sampleMatrices } from "./testing/sample-matrices.ts";

function base(): KitMatrixDeclaration {
  return {
    kit: "sample-kit",
    permissions: ["note.read", "note.write"],
    roles: {
      editor: { description: "", groups: ["sample-editors"], permissions: ["note.read", "note.write"] },
    },
    groups: [{ name: "sample-editors", description: "" }],
    users: [],
    unityCatalog: {
      schemas: [{ name: "sample", description: "", managedByBundle: true }],
      grants: [
        { principal: principal.app(), on: { type: "schema", schema: "sample" }, privileges: ["USE_SCHEMA"] },
      ],
    },
    lakebase: {
      schemas: [
        { name: "sample_app", authority: "lakebase", description: "" },
        { name: "sample_gold", authority: "synced", description: "" },
      ],
      grants: [{ principal: principal.app(), schema: "sample_gold", on: "tables", privileges: ["SELECT"] }],
    },
  };
}

describe("defineKitMatrix", () => {
  it.each(sampleMatrices.map((m) => [m.kit, m] as const))("accepts the %s matrix", (_kit, matrix) => {
    expect(matrixIssues(matrix)).toEqual([]);
  });

  it("accepts a consistent matrix", () => {
    expect(() => defineKitMatrix(base())).not.toThrow();
  });

  it("resolves rules on drizzle tables and columns to their SQL names", () => {
    const matrix = defineKitMatrix({
      ...base(),
      columnRules: [{ column: contact.birth_date, mask: "year", unmaskedWith: "note.read" }],
      rowRules: {
        mine: {
          table: caseFile,
          description: "",
          seeAllWith: ["note.write"],
          match: [{ column: caseFile.assigneeId, equals: "userId" }],
        },
      },
    });
    expect(matrix.columnRules).toEqual({
      "sample_gold.contact": { birth_date: { mask: "year", unmaskedWith: "note.read" } },
    });
    expect(matrix.rowRules.mine).toEqual({
      table: "sample_desk.case_file",
      description: "",
      seeAllWith: ["note.write"],
      match: [{ column: "assignee_id", equals: "userId" }],
    });
  });

  const broken: [string, (m: KitMatrixDeclaration) => KitMatrixDeclaration, RegExp][] = [
    [
      "a role naming an undeclared permission",
      (m) => ({
        ...m,
        roles: { editor: { description: "", groups: ["sample-editors"], permissions: ["note.wrte"] } },
      }),
      /roles\.editor\.permissions\[0\]: "note\.wrte" is not in permissions/,
    ],
    [
      "a role bound to an undeclared group",
      (m) => ({
        ...m,
        roles: { editor: { description: "", groups: ["nobody"], permissions: ["note.read"] } },
      }),
      /roles\.editor\.groups\[0\]: group "nobody" is not declared/,
    ],
    [
      "an invented Unity Catalog privilege",
      (m) => ({
        ...m,
        unityCatalog: {
          ...m.unityCatalog,
          grants: [
            { principal: principal.app(), on: { type: "catalog" }, privileges: ["READ_ALL" as "SELECT"] },
          ],
        },
      }),
      /"READ_ALL" is not a Unity Catalog privilege/,
    ],
    [
      "a write privilege on a synced schema",
      (m) => ({
        ...m,
        lakebase: {
          ...m.lakebase,
          grants: [
            {
              principal: principal.app(),
              schema: "sample_gold",
              on: "tables",
              privileges: ["SELECT", "INSERT"],
            },
          ],
        },
      }),
      /"INSERT" on synced schema "sample_gold" would let the app write/,
    ],
    [
      "a grant to the app on the schema it owns",
      (m) => ({
        ...m,
        lakebase: {
          ...m.lakebase,
          grants: [{ principal: principal.app(), schema: "sample_app", on: "schema", privileges: ["USAGE"] }],
        },
      }),
      /the app owns lakebase schema "sample_app"/,
    ],
    [
      "a grant to an undeclared named user",
      (m) => ({
        ...m,
        lakebase: {
          ...m.lakebase,
          grants: [
            {
              principal: principal.user("eve@example.com"),
              schema: "sample_gold",
              on: "tables",
              privileges: ["SELECT"],
            },
          ],
        },
      }),
      /user "eve@example.com" is not declared in users/,
    ],
    [
      "a column rule unmasked by an undeclared permission",
      (m) => ({
        ...m,
        columnRules: [{ column: contact.email, mask: "email", unmaskedWith: "pii.read" }],
      }),
      /columnRules\.sample_gold\.contact\.email\.unmaskedWith: "pii\.read" is not in permissions/,
    ],
    [
      "two rules on one column",
      (m) => ({
        ...m,
        columnRules: [
          { column: contact.email, mask: "email", unmaskedWith: "note.read" },
          { column: contact.email, mask: "redact", unmaskedWith: "note.read" },
        ],
      }),
      /columnRules: sample_gold\.contact\.email has two rules/,
    ],
    [
      "a row rule matching a column of another table",
      (m) => ({
        ...m,
        rowRules: {
          mine: {
            table: caseFile,
            description: "",
            seeAllWith: [],
            match: [{ column: contact.email, equals: "email" }],
          },
        },
      }),
      /rowRules\.mine\.match: column sample_gold\.contact\.email is not a column of sample_desk\.case_file/,
    ],
    [
      "a row rule that matches nothing",
      (m) => ({
        ...m,
        rowRules: { mine: { table: caseFile, description: "", seeAllWith: [], match: [] } },
      }),
      /rowRules\.mine\.match: add at least one clause/,
    ],
  ];

  it.each(broken)("rejects %s, naming the field", (_name, mutate, message) => {
    const matrix = mutate(base());
    expect(() => defineKitMatrix(matrix)).toThrow(MatrixDeclarationError);
    expect(() => defineKitMatrix(matrix)).toThrow(message);
  });
});
