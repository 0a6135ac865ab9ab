import { describe, expect, it } from "vitest";
import { LakehouseError } from "../errors.ts";
import { deltaCreateTable } from "./delta-ddl.ts";

describe("deltaCreateTable", () => {
  it("renders columns, NOT NULL, the key, comments and change data feed", () => {
    const ddl = deltaCreateTable(
      "Main.Risk.Alerts",
      {
        columns: [
          { name: "alert_id", type: "string", nullable: false, comment: "the case's id \\ key" },
          { name: "score", type: "decimal(5, 2)" },
          { name: "raised_at", type: "TIMESTAMP", nullable: false },
        ],
        primaryKey: ["alert_id"],
        comment: "It's governed",
      },
      { ifNotExists: true, properties: { "delta.appendOnly": "false" } },
    );
    expect(ddl).toBe(
      [
        "CREATE TABLE IF NOT EXISTS `main`.`risk`.`alerts` (",
        "  `alert_id` STRING NOT NULL COMMENT 'the case\\'s id \\\\ key',",
        "  `score` DECIMAL(5,2),",
        "  `raised_at` TIMESTAMP NOT NULL,",
        "  CONSTRAINT `alerts_pk` PRIMARY KEY (`alert_id`)",
        ")",
        "USING DELTA",
        "COMMENT 'It\\'s governed'",
        "TBLPROPERTIES (",
        "  'delta.enableChangeDataFeed' = 'true',",
        "  'delta.appendOnly' = 'false'",
        ")",
      ].join("\n"),
    );
  });

  it("refuses declarations that Unity Catalog would reject, naming the field", () => {
    const attempt = (declaration: Parameters<typeof deltaCreateTable>[1]) => {
      try {
        deltaCreateTable("main.s.t", declaration);
      } catch (error) {
        expect(error).toBeInstanceOf(LakehouseError);
        return (error as Error).message;
      }
      throw new Error("expected the declaration to be refused");
    };
    expect(attempt({ columns: [{ name: "id", type: "INT" }], primaryKey: ["id"] })).toContain(
      'primaryKey.0: primary key column "id" must be declared nullable: false',
    );
    expect(attempt({ columns: [{ name: "v", type: "ARRAY<FLOAT>" }] })).toContain("columns.0.type");
    expect(attempt({ columns: [{ name: "_change_type", type: "STRING" }] })).toContain(
      "reserved by the change data feed",
    );
    expect(
      attempt({
        columns: [
          { name: "a", type: "INT" },
          { name: "A", type: "INT" },
        ],
      }),
    ).toContain('duplicate column "A"');
    expect(attempt({ columns: [{ name: "a", type: "DECIMAL(40,2)" }] })).toContain("columns.0.type");
  });
});
