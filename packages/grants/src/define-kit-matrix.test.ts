import { describe, expect, it } from "vitest";
import { defineKitMatrix, MatrixDeclarationError, matrixIssues } from "./define-kit-matrix.ts";
import { KIT_IDS, kitMatrices } from "./kits/index.ts";
import type { KitMatrix } from "./matrix.ts";
import { principal } from "./principals.ts";

function base(): KitMatrix {
  return {
    kit: "sample-kit",
    title: "Sample",
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
    columnRules: {},
    rowRules: {},
  };
}

describe("defineKitMatrix", () => {
  it.each(KIT_IDS)("accepts the %s matrix", (kit) => {
    expect(matrixIssues(kitMatrices[kit])).toEqual([]);
  });

  it("accepts a consistent matrix", () => {
    expect(matrixIssues(base())).toEqual([]);
  });

  const broken: [string, (m: KitMatrix) => KitMatrix, RegExp][] = [
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
        columnRules: { "sample_gold.person": { email: { mask: "email", unmaskedWith: "pii.read" } } },
      }),
      /columnRules\.sample_gold\.person\.email\.unmaskedWith: "pii\.read" is not in permissions/,
    ],
    [
      "a row rule that matches nothing",
      (m) => ({
        ...m,
        rowRules: { mine: { table: "sample_app.note", description: "", seeAllWith: [], match: [] } },
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
