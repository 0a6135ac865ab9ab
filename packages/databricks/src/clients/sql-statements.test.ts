import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import {
  type FakeWorkspace,
  rateLimited,
  type StatementPlan,
  sqlStatementRoutes,
  startFakeWorkspace,
} from "../testing/index.ts";
import { sqlStatements } from "./sql-statements.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(plan: StatementPlan) {
  const sql = sqlStatementRoutes(() => plan);
  fake = await startFakeWorkspace({ routes: sql.routes });
  const { client, waits } = clientFor(fake);
  return {
    fake,
    sql,
    waits,
    statements: sqlStatements(client, { warehouseId: "wh-1", poll: { initialMs: 1 }, sleep: async () => {} }),
  };
}
const select = { statement: "SELECT :a", parameters: [{ name: "a", value: null, type: "INT" }] };

describe("sqlStatements", () => {
  it("polls a pending statement, follows every chunk link and returns all rows", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [String(i), i % 2 ? null : "x"]);
    const { fake, sql, statements } = await setup({ polls: 2, columns: ["n", "s"], rows, chunkSize: 2 });
    const result = await statements.execute(select);
    expect(result.columns).toEqual(["n", "s"]);
    expect(result.rows).toEqual(rows);
    expect(fake.calls("sql.get")).toBe(2);
    expect(fake.calls("sql.chunk")).toBe(2);
    expect(sql.executed[0]).toMatchObject({
      warehouse_id: "wh-1",
      disposition: "INLINE",
      format: "JSON_ARRAY",
      on_wait_timeout: "CONTINUE",
      parameters: [{ name: "a", type: "INT" }],
    });
  });

  it("throws a StatementFailedError with the code, SQLSTATE and server message on FAILED", async () => {
    const { statements } = await setup({
      failed: {
        error_code: "BAD_REQUEST",
        message: "[TABLE_OR_VIEW_NOT_FOUND] no orderz",
        sql_state: "42P01",
      },
    });
    await expect(statements.execute(select)).rejects.toMatchObject({
      state: "FAILED",
      errorCode: "BAD_REQUEST",
      sqlState: "42P01",
      serverMessage: "[TABLE_OR_VIEW_NOT_FOUND] no orderz",
    });
  });

  it("says a CANCELED statement has no result", async () => {
    const { statements } = await setup({ end: "CANCELED" });
    await expect(statements.execute(select)).rejects.toThrow(/ended in state CANCELED/);
  });

  it("resubmits a statement refused with 429 (it did no work)", async () => {
    const { fake, sql, statements, waits } = await setup({ columns: ["n"], rows: [["1"]] });
    fake.inject("sql.execute", rateLimited(1));
    expect((await statements.execute(select)).rows).toEqual([["1"]]);
    expect([sql.executed.length, waits]).toEqual([1, [1000]]);
  });

  it("cancels and gives up when the statement outlives the deadline", async () => {
    const sql = sqlStatementRoutes(() => ({ polls: 100 }));
    fake = await startFakeWorkspace({ routes: sql.routes });
    const { client } = clientFor(fake);
    const statements = sqlStatements(client, { warehouseId: "wh", poll: { initialMs: 5, timeoutMs: 20 } });
    await expect(statements.execute(select)).rejects.toMatchObject({ state: "TIMED_OUT" });
    expect(fake.calls("sql.cancel")).toBe(1);
  });
});
