import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type FakeWorkspace, sqlStatementRoutes, startFakeWorkspace } from "@appbase/databricks/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLakehouseFromEnv } from "./from-env.ts";

const CLIENT = { clientId: "app-sp", clientSecret: "s3cret" };
let fake: FakeWorkspace;
const sql = sqlStatementRoutes(() => ({ columns: ["tableName"], rows: [["orders"]] }));
const dir = mkdtempSync(path.join(tmpdir(), "lakehouse-from-env-"));

beforeAll(async () => {
  fake = await startFakeWorkspace({ ...CLIENT, routes: sql.routes });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const databricksEnv = (extra: Record<string, string | undefined> = {}) => ({
  DATABRICKS_HOST: fake.host,
  DATABRICKS_WAREHOUSE_ID: "wh-1",
  DATABRICKS_CLIENT_ID: CLIENT.clientId,
  DATABRICKS_CLIENT_SECRET: CLIENT.clientSecret,
  ...extra,
});

describe("openLakehouseFromEnv", () => {
  it("APPBASE_LAKEHOUSE_DIR opens the local lakehouse in that folder, even when Databricks variables are set too", async () => {
    const lake = await openLakehouseFromEnv({ ...databricksEnv(), APPBASE_LAKEHOUSE_DIR: dir });
    try {
      await lake.ensureSchema("main.gold");
      await lake.createTable("main.gold.t", { columns: [{ name: "id", type: "INT" }] });
      await lake.append("main.gold.t", [{ id: 1 }]);
      expect(await lake.read("main.gold.t")).toEqual([{ id: 1 }]);
    } finally {
      await lake.close();
    }
    expect(existsSync(path.join(dir, "lakehouse.duckdb"))).toBe(true);
    expect(fake.tokens.issued).toBe(0);
  });

  it("DATABRICKS_HOST + DATABRICKS_WAREHOUSE_ID use the SQL warehouse with the app's OAuth M2M token, fetched once", async () => {
    const lake = await openLakehouseFromEnv(databricksEnv());
    expect(await lake.listTables("main.gold")).toEqual(["main.gold.orders"]);
    expect(await lake.listTables("main.gold")).toEqual(["main.gold.orders"]);
    await lake.close();
    expect(fake.tokens.issued).toBe(1);
    const statements = fake.seen.filter((r) => r.route === "sql.execute");
    expect(statements.map((r) => r.authorization)).toEqual(Array(2).fill(statements[0]?.authorization));
    expect(statements[0]?.authorization).toMatch(/^Bearer local-at-/);
    expect(sql.executed.at(-1)?.warehouse_id).toBe("wh-1");
  });

  it("a refused client secret is an error naming the credentials to check", async () => {
    const lake = await openLakehouseFromEnv(databricksEnv({ DATABRICKS_CLIENT_SECRET: "wrong" }));
    await expect(lake.listTables("main.gold")).rejects.toThrow(
      /OAuth M2M token request .*HTTP 401.*check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET/,
    );
  });

  it("a warehouse without the app's credentials is refused, naming the missing variable", async () => {
    await expect(openLakehouseFromEnv(databricksEnv({ DATABRICKS_CLIENT_SECRET: " " }))).rejects.toThrow(
      /DATABRICKS_CLIENT_SECRET is not set/,
    );
  });

  it("with neither option the error names both, and which half is missing", async () => {
    await expect(openLakehouseFromEnv({})).rejects.toMatchObject({
      code: "NOT_CONFIGURED",
      message: expect.stringMatching(/APPBASE_LAKEHOUSE_DIR.*DATABRICKS_WAREHOUSE_ID.*sql_warehouse/),
    });
    await expect(openLakehouseFromEnv({ DATABRICKS_HOST: "adb-1.azuredatabricks.net" })).rejects.toThrow(
      /DATABRICKS_HOST is set but DATABRICKS_WAREHOUSE_ID is not/,
    );
  });
});
