import { type AiGateway, type Statement, serving, sqlStatements } from "@appbase/databricks";
import { z } from "zod";
import type { WorkspaceClient } from "../agents/workspace-client.ts";

/** Where the platform's own figures for the agents' model come from: the bound endpoint and warehouse. */
export interface PlatformSource {
  client: WorkspaceClient;
  /** The bound serving endpoint (SERVING_ENDPOINT_NAME). */
  endpoint: string;
  /** The bound SQL warehouse (DATABRICKS_WAREHOUSE_ID) the usage tables are read through. */
  warehouseId: string | undefined;
}

/** The endpoint's AI Gateway as an operator reads it. */
export interface GatewaySettings {
  usageTracking: boolean;
  /** Full name of the inference (payload) table, when the gateway logs one. */
  inferenceTable: string | null;
  rateLimits: string[];
  guardrails: string[];
}

/** Requests of one UTC day, requester and HTTP status, as the endpoint's usage tracking counted them. */
export interface PlatformUsageRow {
  day: string;
  requester: string;
  statusCode: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/** Requests of one UTC day with their execution time, from the inference table. */
export interface PlatformLatencyRow {
  day: string;
  requests: number;
  p50Ms: number;
  maxMs: number;
}

/** A platform table read: its rows, or why it was not read (off) or could not be (failed). */
export type TableRead<T> =
  | { state: "read"; table: string; rows: T[] }
  | { state: "off"; why: string }
  | { state: "failed"; table: string; error: string };

export interface PlatformUsage {
  endpoint: string;
  gateway: { state: "read"; settings: GatewaySettings } | { state: "failed"; error: string };
  usage: TableRead<PlatformUsageRow>;
  latency: TableRead<PlatformLatencyRow>;
}

export const USAGE_TABLE = "system.serving.endpoint_usage";

/** The gateway settings in words: which tables it fills, its rate limits and its guardrails. */
export function gatewaySettings(endpoint: string, gateway: AiGateway | undefined): GatewaySettings {
  const table = gateway?.inference_table_config;
  const guardrails = (["input", "output"] as const).flatMap((side) => {
    const g = gateway?.guardrails?.[side];
    if (!g) return [];
    return [
      ...(g.safety ? [`${side}: safety filter`] : []),
      ...(g.pii?.behavior && g.pii.behavior !== "NONE"
        ? [`${side}: PII ${g.pii.behavior.toLowerCase()}`]
        : []),
      ...(g.invalid_keywords?.length ? [`${side}: ${g.invalid_keywords.length} blocked keywords`] : []),
      ...(g.valid_topics?.length ? [`${side}: topics limited to ${g.valid_topics.join(", ")}`] : []),
    ];
  });
  return {
    usageTracking: gateway?.usage_tracking_config?.enabled === true,
    inferenceTable:
      table?.enabled && table.catalog_name && table.schema_name
        ? `${table.catalog_name}.${table.schema_name}.${table.table_name_prefix ?? endpoint}_payload`
        : null,
    rateLimits: (gateway?.rate_limits ?? []).map(
      (l) =>
        `${l.calls !== undefined ? `${l.calls} calls` : `${l.tokens ?? "?"} tokens`} per ${l.renewal_period} per ${l.key ?? "endpoint"}${l.principal ? ` (${l.principal})` : ""}`,
    ),
    guardrails,
  };
}

const quoted = (fullName: string) =>
  fullName
    .split(".")
    .map((part) => `\`${part.replaceAll("`", "``")}\``)
    .join(".");
const count = z.coerce.number().int().nonnegative();
const usageRow = z.tuple([
  z.string(),
  z.string().nullable(),
  count,
  count,
  count.nullable(),
  count.nullable(),
]);
const latencyRow = z.tuple([z.string(), count, z.coerce.number().nullable(), z.coerce.number().nullable()]);

/** Requests per day, requester and status of the endpoint (usage tracking, system.serving tables). */
export function usageStatement(endpoint: string, since: Date | null): Statement {
  return {
    statement: `SELECT date_format(u.request_time, 'yyyy-MM-dd') AS day, u.requester AS requester,
       u.status_code AS status_code, count(*) AS requests,
       sum(u.input_token_count) AS input_tokens, sum(u.output_token_count) AS output_tokens
  FROM ${USAGE_TABLE} AS u
 WHERE u.served_entity_id IN (SELECT served_entity_id FROM system.serving.served_entities WHERE endpoint_name = :endpoint_name)
   AND u.request_time >= :since
 GROUP BY 1, 2, 3
 ORDER BY 1 DESC, 4 DESC`,
    parameters: [
      { name: "endpoint_name", value: endpoint },
      { name: "since", value: (since ?? new Date(0)).toISOString(), type: "TIMESTAMP" },
    ],
  };
}

/** Requests per day with their execution time, from the endpoint's inference table. */
export function latencyStatement(table: string, since: Date | null): Statement {
  return {
    statement: `SELECT date_format(p.request_time, 'yyyy-MM-dd') AS day, count(*) AS requests,
       percentile_approx(p.execution_duration_ms, 0.5) AS p50_ms, max(p.execution_duration_ms) AS max_ms
  FROM ${quoted(table)} AS p
 WHERE p.request_time >= :since
 GROUP BY 1
 ORDER BY 1 DESC`,
    parameters: [{ name: "since", value: (since ?? new Date(0)).toISOString(), type: "TIMESTAMP" }],
  };
}

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * The platform's figures for the bound endpoint since `since`: its AI Gateway settings, the requests
 * its usage tracking counted (tokens, requester, status: 429 is a rate-limit refusal) and the execution
 * times in its inference table. Each part says plainly when it is not enabled, not bound or not readable.
 */
export async function readPlatformUsage(source: PlatformSource, since: Date | null): Promise<PlatformUsage> {
  let settings: GatewaySettings;
  try {
    settings = gatewaySettings(
      source.endpoint,
      (await serving(source.client).endpoint(source.endpoint)).ai_gateway,
    );
  } catch (failure) {
    const why = "the endpoint's settings could not be read";
    return {
      endpoint: source.endpoint,
      gateway: { state: "failed", error: message(failure) },
      usage: { state: "off", why },
      latency: { state: "off", why },
    };
  }
  const warehouse = source.warehouseId;
  const noWarehouse = {
    state: "off" as const,
    why: "no SQL warehouse is bound (DATABRICKS_WAREHOUSE_ID); the platform's tables are read through one",
  };
  const read = async <T>(table: string, statement: Statement, parse: (cells: (string | null)[]) => T) => {
    if (!warehouse) return noWarehouse;
    try {
      const result = await sqlStatements(source.client, { warehouseId: warehouse }).execute(statement);
      return { state: "read" as const, table, rows: result.rows.map(parse) };
    } catch (failure) {
      return { state: "failed" as const, table, error: message(failure) };
    }
  };
  const [usage, latency] = await Promise.all([
    settings.usageTracking
      ? read(USAGE_TABLE, usageStatement(source.endpoint, since), (cells): PlatformUsageRow => {
          const [day, requester, statusCode, requests, input, output] = usageRow.parse(cells);
          return {
            day,
            requester: requester ?? "unknown",
            statusCode,
            requests,
            inputTokens: input ?? 0,
            outputTokens: output ?? 0,
          };
        })
      : { state: "off" as const, why: "usage tracking is not enabled on the endpoint's AI Gateway" },
    settings.inferenceTable
      ? read(
          settings.inferenceTable,
          latencyStatement(settings.inferenceTable, since),
          (cells): PlatformLatencyRow => {
            const [day, requests, p50, max] = latencyRow.parse(cells);
            return { day, requests, p50Ms: p50 ?? 0, maxMs: max ?? 0 };
          },
        )
      : { state: "off" as const, why: "the endpoint's AI Gateway logs no inference table" },
  ]);
  return { endpoint: source.endpoint, gateway: { state: "read", settings }, usage, latency };
}
