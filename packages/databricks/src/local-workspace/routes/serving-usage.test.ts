import { afterEach, describe, expect, it } from "vitest";
import { m2mTokenSource } from "../../auth.ts";
import { workspaceClient } from "../../client.ts";
import { serving } from "../../clients/serving.ts";
import { sqlStatements } from "../../clients/sql-statements.ts";
import {
  chatCompletion,
  type FakeWorkspace,
  sqlStatementRoutes,
  startFakeWorkspace,
} from "../../testing/index.ts";
import { servingRoutes } from "./serving.ts";
import { servingSystemTables } from "./serving-usage.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const gateway = {
  usage_tracking_config: { enabled: true },
  inference_table_config: {
    enabled: true,
    catalog_name: "ml",
    schema_name: "logs",
    table_name_prefix: "llm",
  },
  rate_limits: [{ calls: 2, key: "user", renewal_period: "minute" }],
};

async function start() {
  const tables = servingSystemTables();
  const answers = [11, 7].map((n) => ({
    ...chatCompletion({ content: "ok" }),
    usage: { prompt_tokens: n * 10, completion_tokens: n, total_tokens: n * 11 },
  }));
  fake = await startFakeWorkspace({
    routes: [
      ...servingRoutes({ endpoints: { llm: () => answers.shift() }, gateways: { llm: gateway }, tables }),
      ...sqlStatementRoutes(tables.plan).routes,
    ],
  });
  // No retries: the third call's 429 must reach the test once.
  const client = workspaceClient({
    host: fake.host,
    auth: m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: fake.clientSecret }),
    retry: { attempts: 1 },
  });
  return { client, sql: sqlStatements(client, { warehouseId: "wh" }) };
}

describe("an endpoint behind an AI Gateway", () => {
  it("describes its gateway, enforces its rate limit, and logs each request to the usage and inference tables", async () => {
    const { client, sql } = await start();
    expect((await serving(client).endpoint("llm")).ai_gateway).toMatchObject(gateway);
    await serving(client).chat("llm", { messages: [{ role: "user", content: "a" }] });
    await serving(client).chat("llm", { messages: [{ role: "user", content: "b" }] });
    await expect(serving(client).chat("llm", { messages: [] })).rejects.toMatchObject({
      status: 429,
      errorCode: "REQUEST_LIMIT_EXCEEDED",
    });
    const usage = await sql.execute({
      statement: `SELECT u.status_code AS status_code, count(*) AS requests, sum(u.input_token_count) AS input_tokens,
                         sum(u.output_token_count) AS output_tokens
                    FROM system.serving.endpoint_usage AS u
                   WHERE u.served_entity_id IN (SELECT served_entity_id FROM system.serving.served_entities WHERE endpoint_name = :endpoint)
                     AND u.request_time >= :since
                   GROUP BY 1`,
      parameters: [
        { name: "endpoint", value: "llm" },
        { name: "since", value: "2000-01-01T00:00:00Z", type: "TIMESTAMP" },
      ],
    });
    expect(usage.columns).toEqual(["status_code", "requests", "input_tokens", "output_tokens"]);
    expect(usage.rows).toEqual([
      ["200", "2", "180", "18"],
      ["429", "1", null, null],
    ]);
    const payload = await sql.execute({
      statement:
        "SELECT count(*) AS requests, max(p.execution_duration_ms) AS max_ms FROM ml.logs.llm_payload p",
      parameters: [],
    });
    expect(payload.rows[0]?.[0]).toBe("3");
  });

  it("fails a read of a column or table the platform does not have", async () => {
    const { client, sql } = await start();
    await serving(client).chat("llm", { messages: [{ role: "user", content: "a" }] });
    await expect(
      sql.execute({
        statement: "SELECT u.latency_ms AS l FROM system.serving.endpoint_usage u",
        parameters: [],
      }),
    ).rejects.toThrow(/UNRESOLVED_COLUMN/);
    await expect(
      sql.execute({ statement: "SELECT count(*) AS n FROM ml.logs.other_payload p", parameters: [] }),
    ).rejects.toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
  });
});
