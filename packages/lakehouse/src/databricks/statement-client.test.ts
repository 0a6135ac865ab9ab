import { forwardedUserToken, m2mTokenSource, workspaceClient } from "@appbase/databricks";
import {
  type FakeWorkspace,
  rateLimited,
  type SqlStatementRoutes,
  type StatementPlan,
  sqlStatementRoutes,
  startFakeWorkspace,
  unavailable,
} from "@appbase/databricks/testing";
import { afterEach, describe, expect, it } from "vitest";
import { LakehouseError } from "../errors.ts";
import { StatementClient } from "./statement-client.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function clientFor(plan: (statement: string) => StatementPlan, options: { timeoutMs?: number } = {}) {
  const sql: SqlStatementRoutes = sqlStatementRoutes((req) => plan(req.statement));
  fake = await startFakeWorkspace({ routes: sql.routes });
  const workspace = workspaceClient({
    host: `${fake.host}/`,
    auth: m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: fake.clientSecret }),
    retry: { baseDelayMs: 5 },
  });
  const client = new StatementClient({
    workspace,
    warehouseId: "a1b2c3d4e5f6a7b8",
    poll: { initialMs: 5, maxMs: 20, timeoutMs: options.timeoutMs ?? 5000 },
  });
  return { client, fake, sql };
}

async function failure(promise: Promise<unknown>): Promise<LakehouseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakehouseError);
  return error as LakehouseError;
}

describe("StatementClient", () => {
  it("sends the documented request and returns rows of a statement that finished within the wait", async () => {
    const { client, fake, sql } = await clientFor(() => ({
      columns: ["id", "name"],
      rows: [
        ["1", "a"],
        ["2", null],
      ],
    }));
    const result = await client.execute({
      statement: "SELECT id, name FROM t WHERE id > :min",
      parameters: [{ name: "min", value: "0", type: "INT" }],
    });
    expect(result.columns).toEqual(["id", "name"]);
    expect(result.rows).toEqual([
      ["1", "a"],
      ["2", null],
    ]);
    expect(sql.executed[0]).toEqual({
      warehouse_id: "a1b2c3d4e5f6a7b8",
      statement: "SELECT id, name FROM t WHERE id > :min",
      parameters: [{ name: "min", value: "0", type: "INT" }],
      wait_timeout: "30s",
      on_wait_timeout: "CONTINUE",
      disposition: "INLINE",
      format: "JSON_ARRAY",
    });
    expect(fake.seen.map((r) => [r.method, r.path])).toEqual([
      ["POST", "/oidc/v1/token"],
      ["POST", "/api/2.0/sql/statements"],
    ]);
    expect(fake.seen[1]?.authorization).toMatch(/^Bearer local-at-/);
  });

  it("polls PENDING and RUNNING statements until they succeed", async () => {
    const { client, fake } = await clientFor(() => ({ polls: 3, columns: ["n"], rows: [["42"]] }));
    const result = await client.execute({ statement: "SELECT 42 AS n", parameters: [] });
    expect(result.rows).toEqual([["42"]]);
    const gets = fake.seen.filter((r) => r.route === "sql.get");
    expect(gets).toHaveLength(3);
    expect(gets[0]?.path).toBe(`/api/2.0/sql/statements/${result.statementId}`);
  });

  it("follows result chunk links until the last chunk", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [String(i)]);
    const { client, fake } = await clientFor(() => ({ columns: ["i"], rows, chunkSize: 3 }));
    const result = await client.execute({ statement: "SELECT i FROM range(7)", parameters: [] });
    expect(result.rows).toEqual(rows);
    expect(fake.seen.filter((r) => r.route === "sql.chunk").map((r) => r.path.split("/result/")[1])).toEqual([
      "chunks/1",
      "chunks/2",
    ]);
  });

  it("turns a FAILED statement into an error with the Databricks error class, code and SQLSTATE", async () => {
    const { client } = await clientFor(() => ({
      polls: 1,
      failed: {
        error_code: "BAD_REQUEST",
        sql_state: "42P01",
        message:
          "[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`sales`.`orderz` cannot be found. SQLSTATE: 42P01",
      },
    }));
    const error = await failure(
      client.execute({ statement: "SELECT * FROM main.sales.orderz", parameters: [] }),
    );
    expect(error.code).toBe("TABLE_OR_VIEW_NOT_FOUND");
    expect(error.message).toContain("BAD_REQUEST, SQLSTATE 42P01");
    expect(error.details).toMatchObject({ errorCode: "BAD_REQUEST", sqlState: "42P01" });
  });

  it("reports the HTTP error envelope of a refused request", async () => {
    const { client, fake } = await clientFor(() => ({}));
    fake.inject("sql.execute", {
      status: 403,
      body: {
        error_code: "PERMISSION_DENIED",
        message: "You do not have permission to use warehouse a1b2c3d4e5f6a7b8.",
      },
    });
    const error = await failure(client.execute({ statement: "SELECT 1", parameters: [] }));
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.details).toMatchObject({ status: 403, errorCode: "PERMISSION_DENIED" });
    expect(error.message).toContain("PERMISSION_DENIED): You do not have permission");
  });

  it("resends a submission refused with 429 or 503, waiting as RetryInfo says", async () => {
    const { client, sql, fake } = await clientFor(() => ({ columns: ["n"], rows: [["1"]] }));
    const refused = {
      status: 429,
      body: {
        error_code: "REQUEST_LIMIT_EXCEEDED",
        message: "Too many requests.",
        details: [
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retry_delay: "0.02s", metadata: {} },
        ],
      },
    };
    fake.inject("sql.execute", refused, unavailable());
    const result = await client.execute({ statement: "SELECT 1 AS n", parameters: [] });
    expect(result.rows).toEqual([["1"]]);
    expect(fake.calls("sql.execute")).toBe(3);
    expect(sql.executed).toHaveLength(1);
  });

  it("gives up on a refusal that persists, and never resends other HTTP errors", async () => {
    const { client, fake } = await clientFor(() => ({}));
    fake.inject("sql.execute", ...Array.from({ length: 4 }, () => rateLimited(0)));
    const busy = await failure(client.execute({ statement: "SELECT 'busy'", parameters: [] }));
    expect(busy.details).toMatchObject({
      status: 429,
      errorCode: "REQUEST_LIMIT_EXCEEDED",
      kind: "retries-exhausted",
    });
    expect(fake.calls("sql.execute")).toBe(4);
    fake.inject("sql.execute", {
      status: 400,
      body: { error_code: "INVALID_PARAMETER_VALUE", message: "bad" },
    });
    await failure(client.execute({ statement: "SELECT 'bad'", parameters: [] }));
    expect(fake.calls("sql.execute")).toBe(5);
  });

  it("fails on a CANCELED or CLOSED statement", async () => {
    const { client } = await clientFor((s) => ({ end: s.includes("closed") ? "CLOSED" : "CANCELED" }));
    expect(
      (await failure(client.execute({ statement: "SELECT 'canceled'", parameters: [] }))).message,
    ).toContain("CANCELED");
    expect(
      (await failure(client.execute({ statement: "SELECT 'closed'", parameters: [] }))).message,
    ).toContain("CLOSED");
  });

  it("cancels a statement that outlives the deadline", async () => {
    const { client, fake } = await clientFor(() => ({ polls: 1000 }), { timeoutMs: 60 });
    const error = await failure(client.execute({ statement: "SELECT slow()", parameters: [] }));
    expect(error.message).toContain("was cancelled");
    expect(fake.seen.at(-1)?.path).toMatch(/\/cancel$/);
  });

  it("surfaces a rejected token as UNAUTHENTICATED (HTTP 401)", async () => {
    fake = await startFakeWorkspace({ routes: sqlStatementRoutes(() => ({})).routes });
    const client = new StatementClient({
      workspace: workspaceClient({ host: fake.host, auth: forwardedUserToken("unknown-token") }),
      warehouseId: "w",
    });
    const error = await failure(client.execute({ statement: "SELECT 1", parameters: [] }));
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.details).toMatchObject({ status: 401, errorCode: "UNAUTHENTICATED" });
  });
});
