import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TableDeclaration } from "./column-types.ts";
import { openLocalLakehouse } from "./local/local-lakehouse.ts";
import { diffLakehouseTable, formatSchemaDifference } from "./schema-diff.ts";

const live: TableDeclaration = {
  columns: [
    { name: "id", type: "BIGINT", nullable: false },
    { name: "status", type: "STRING" },
    { name: "score", type: "DOUBLE" },
    { name: "legacy", type: "STRING" },
  ],
  primaryKey: ["id"],
};

describe("diffLakehouseTable", () => {
  it("is empty when the live table matches its declaration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lakehouse-diff-"));
    const lake = await openLocalLakehouse({ directory: dir });
    try {
      await lake.ensureSchema("main.app");
      await lake.createTable("main.app.cases", live);
      const description = await lake.describeTable("main.app.cases");
      expect(diffLakehouseTable("main.app.cases", live, description)).toEqual([]);

      // An added column, a type change, a nullability change, a dropped column and a new key.
      const declared: TableDeclaration = {
        columns: [
          { name: "id", type: "BIGINT", nullable: false },
          { name: "status", type: "STRING", nullable: false },
          { name: "score", type: "DECIMAL(5,2)" },
          { name: "owner", type: "STRING" },
        ],
        primaryKey: ["id", "status"],
      };
      expect(diffLakehouseTable("main.app.cases", declared, description).map(formatSchemaDifference)).toEqual(
        [
          "main.app.cases.status: declared NOT NULL, lakehouse has NULL",
          "main.app.cases.score: type declared DECIMAL(5,2), lakehouse has DOUBLE",
          "main.app.cases.owner: declared STRING NULL, missing in the lakehouse",
          "main.app.cases.legacy: in the lakehouse (STRING), not declared",
          "main.app.cases: primary key declared (id, status), lakehouse has (id)",
        ],
      );
    } finally {
      await lake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a table the lakehouse does not have", () => {
    expect(diffLakehouseTable("main.app.nope", live, null).map(formatSchemaDifference)).toEqual([
      "main.app.nope: declared, but the lakehouse has no such table",
    ]);
  });
});
