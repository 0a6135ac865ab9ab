import { afterEach, describe, expect, it } from "vitest";
import { files } from "../../clients/files.ts";
import { sqlStatements } from "../../clients/sql-statements.ts";
import { clientFor } from "../../testing/client-for.ts";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { fileRoutes } from "./files.ts";
import { warehouseRoutes } from "./warehouse.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start() {
  const volumes = fileRoutes();
  const warehouse = warehouseRoutes({ files: volumes, catalogs: ["main"] });
  fake = await startFakeWorkspace({ routes: [...volumes.routes, ...warehouse.routes] });
  const { client } = clientFor(fake);
  const sql = sqlStatements(client, { warehouseId: "w", poll: { initialMs: 1, maxMs: 1 } });
  return {
    sql,
    fs: files(client),
    warehouse,
    run: (statement: string) => sql.execute({ statement, parameters: [] }),
  };
}

describe("the fake warehouse", () => {
  it("creates a volume, then a table from the JSON files under a directory, keeping the selected columns", async () => {
    const { run, fs, warehouse } = await start();
    await run("CREATE SCHEMA IF NOT EXISTS `main`.`land`");
    await run("CREATE VOLUME IF NOT EXISTS `main`.`land`.`v`");
    await fs.upload(
      "/Volumes/main/land/v/t/part-0.jsonl",
      Buffer.from('{"a":"x","b":1,"c":true}\n{"a":"y"}\n'),
    );
    await fs.upload("/Volumes/main/land/v/t/sub/part-1.jsonl", Buffer.from('{"a":"z","b":3}\n'));
    await run("CREATE SCHEMA IF NOT EXISTS `main`.`s`");
    await run(
      "CREATE OR REPLACE TABLE `main`.`s`.`t` AS SELECT `a`, `b` FROM read_files('/Volumes/main/land/v/t', format => 'json', schema => '`a` STRING, `b` DECIMAL(10,2)')",
    );
    expect(warehouse.tables.get("main.s.t")).toEqual({
      columns: [
        { name: "a", type: "STRING" },
        { name: "b", type: "DECIMAL(10,2)" },
      ],
      rows: [
        { a: "x", b: 1 },
        { a: "y", b: null },
        { a: "z", b: 3 },
      ],
      replaced: 1,
    });
    expect((await run("SELECT COUNT(*) AS n FROM `main`.`s`.`t`")).rows).toEqual([["3"]]);
  });

  it("fails what the platform would refuse, and any statement it does not know", async () => {
    const { run } = await start();
    await expect(run("CREATE SCHEMA IF NOT EXISTS `nope`.`s`")).rejects.toThrow(/NO_SUCH_CATALOG_EXCEPTION/);
    await expect(run("CREATE VOLUME IF NOT EXISTS `main`.`missing`.`v`")).rejects.toThrow(/SCHEMA_NOT_FOUND/);
    await run("CREATE SCHEMA IF NOT EXISTS `main`.`s`");
    await expect(
      run(
        "CREATE OR REPLACE TABLE `main`.`s`.`t` AS SELECT `a` FROM read_files('/Volumes/main/s/v/none', format => 'json', schema => '`a` STRING')",
      ),
    ).rejects.toThrow(/PATH_NOT_FOUND/);
    await expect(
      run(
        "CREATE OR REPLACE TABLE `main`.`s`.`t` AS SELECT `zz` FROM read_files('/Volumes/main/s/v/none', format => 'json', schema => '`a` STRING')",
      ),
    ).rejects.toThrow(/UNRESOLVED_COLUMN/);
    await expect(run("SELECT COUNT(*) AS n FROM `main`.`s`.`t`")).rejects.toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    await expect(run("DROP TABLE `main`.`s`.`t`")).rejects.toThrow(/does not understand/);
  });
});
