import { LakehouseError, type LakehouseErrorCode } from "../errors.ts";
import {
  errorEnvelopeSchema,
  resultDataSchema,
  type Statement,
  type StatementResponse,
  type StatementResult,
  statementResponseSchema,
} from "./statement-schemas.ts";

export interface StatementClientOptions {
  /** Workspace URL, e.g. https://<workspace-host> (http:// is kept, for local fakes). */
  host: string;
  /** SQL warehouse id, from the app's `sql_warehouse` resource binding. */
  warehouseId: string;
  /** Returns a bearer token: an OAuth M2M token for the app, or the user's forwarded token. */
  getToken: () => Promise<string>;
  /** How long POST waits before returning PENDING/RUNNING: "0s" or "5s".."50s". Default "30s". */
  waitTimeout?: string;
  /** Resending refused calls (HTTP 429/503): attempts in all (default 4) and the first wait (default 500 ms). */
  retry?: { attempts?: number; baseMs?: number };
  /** Polling of unfinished statements: first delay, maximum delay, overall deadline. */
  poll?: { initialMs?: number; maxMs?: number; timeoutMs?: number };
  fetch?: typeof fetch;
}

const DONE = new Set(["SUCCEEDED", "FAILED", "CANCELED", "CLOSED"]);
// Error classes Databricks puts in brackets at the start of a message and that the port names too.
const KNOWN_CLASSES = new Set<LakehouseErrorCode>([
  "TABLE_OR_VIEW_NOT_FOUND",
  "TABLE_OR_VIEW_ALREADY_EXISTS",
  "SCHEMA_NOT_FOUND",
  "DELTA_VERSION_NOT_FOUND",
  "DELTA_REPLACE_WHERE_MISMATCH",
  "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
]);

function errorClass(message: string): LakehouseErrorCode {
  const bracket = /^\[([A-Z_]+)[\].]/.exec(message)?.[1];
  if (bracket && KNOWN_CLASSES.has(bracket as LakehouseErrorCode)) return bracket as LakehouseErrorCode;
  if (bracket?.startsWith("DELTA_TIMESTAMP")) return "DELTA_TIMESTAMP_OUT_OF_RANGE";
  if (bracket === "SCHEMA_NOT_FOUND") return "SCHEMA_NOT_FOUND";
  return "STATEMENT_FAILED";
}

/** The RetryInfo detail's `retry_delay` ("1.5s") in milliseconds, when the error carries one. */
function retryDelayMs(details: Record<string, unknown>[] | undefined): number | undefined {
  const info = details?.find((d) => d["@type"] === "type.googleapis.com/google.rpc.RetryInfo");
  const match = typeof info?.retry_delay === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(info.retry_delay) : null;
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client for the SQL Statement Execution API: submit, poll until done, gather every result chunk. */
export class StatementClient {
  private readonly host: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: StatementClientOptions) {
    this.host = options.host.replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? fetch;
  }

  /**
   * One API call, resent on HTTP 429 and 503: both mean the request was refused before any work
   * (so resending a statement cannot run it twice), and the Go SDK retries both as well. The wait
   * follows the error's RetryInfo `retry_delay` when given, else doubles from `retry.baseMs`.
   */
  private async call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const attempts = this.options.retry?.attempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.callOnce(method, path, body);
      } catch (error) {
        const status = error instanceof LakehouseError ? error.details.status : undefined;
        if ((status !== 429 && status !== 503) || attempt >= attempts) throw error;
        const hinted = (error as LakehouseError).details.retryDelayMs;
        const base = this.options.retry?.baseMs ?? 500;
        await delay(typeof hinted === "number" ? hinted : base * 2 ** (attempt - 1));
      }
    }
  }

  private async callOnce(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const token = await this.options.getToken();
    const response = await this.fetchImpl(`${this.host}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { raw: text };
    }
    if (!response.ok) {
      const envelope = errorEnvelopeSchema.safeParse(json);
      const what = envelope.success
        ? `${envelope.data.error_code}: ${envelope.data.message}`
        : `${response.statusText} ${text.slice(0, 200)}`;
      throw new LakehouseError(
        "HTTP_ERROR",
        `Databricks ${method} ${path} failed with HTTP ${response.status} (${what}).`,
        {
          status: response.status,
          errorCode: envelope.success ? envelope.data.error_code : undefined,
          retryDelayMs: envelope.success ? retryDelayMs(envelope.data.details) : undefined,
        },
      );
    }
    return json;
  }

  private parse(json: unknown, where: string): StatementResponse {
    const parsed = statementResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new LakehouseError(
        "HTTP_ERROR",
        `Databricks ${where} returned an unexpected body: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}.`,
      );
    }
    return parsed.data;
  }

  /** Runs one statement to completion and returns all its rows; throws on FAILED, CANCELED, CLOSED or timeout. */
  async execute(statement: Statement): Promise<StatementResult> {
    const poll = { initialMs: 250, maxMs: 5000, timeoutMs: 600_000, ...this.options.poll };
    let response = this.parse(
      await this.call("POST", "/api/2.0/sql/statements", {
        warehouse_id: this.options.warehouseId,
        statement: statement.statement,
        parameters: statement.parameters.map((p) => (p.value === null ? { name: p.name, type: p.type } : p)),
        wait_timeout: this.options.waitTimeout ?? "30s",
        on_wait_timeout: "CONTINUE",
        disposition: "INLINE",
        format: "JSON_ARRAY",
      }),
      "POST /api/2.0/sql/statements",
    );
    const id = response.statement_id;
    const deadline = Date.now() + poll.timeoutMs;
    let wait = poll.initialMs;
    while (!DONE.has(response.status.state)) {
      if (Date.now() + wait > deadline) {
        await this.call("POST", `/api/2.0/sql/statements/${id}/cancel`).catch(() => undefined);
        throw new LakehouseError(
          "STATEMENT_FAILED",
          `Statement ${id} did not finish within ${poll.timeoutMs} ms and was cancelled; check the SQL warehouse is running.`,
          {
            statementId: id,
          },
        );
      }
      await delay(wait);
      wait = Math.min(wait * 2, poll.maxMs);
      response = this.parse(await this.call("GET", `/api/2.0/sql/statements/${id}`), `GET statement ${id}`);
    }
    return this.finish(response, statement);
  }

  private async finish(response: StatementResponse, statement: Statement): Promise<StatementResult> {
    const id = response.statement_id;
    const { state, error, sql_state } = response.status;
    if (state === "FAILED") {
      const message = error?.message ?? "no message";
      throw new LakehouseError(
        errorClass(message),
        `Databricks SQL failed (${error?.error_code ?? "UNKNOWN"}${sql_state ? `, SQLSTATE ${sql_state}` : ""}): ${message}`,
        {
          statementId: id,
          errorCode: error?.error_code,
          sqlState: sql_state,
          statement: statement.statement,
        },
      );
    }
    if (state !== "SUCCEEDED") {
      throw new LakehouseError(
        "STATEMENT_FAILED",
        `Statement ${id} ended in state ${state}; its result is not available. Run it again.`,
        { statementId: id },
      );
    }
    const columns = (response.manifest?.schema?.columns ?? []).map((c) => c.name);
    const rows: (string | null)[][] = [...(response.result?.data_array ?? [])];
    let link = response.result?.next_chunk_internal_link;
    let next = response.result?.next_chunk_index;
    // The link is opaque (reference §1.5): follow it as given, falling back to the documented path.
    while (link !== undefined || next !== undefined) {
      const path = link ?? `/api/2.0/sql/statements/${id}/result/chunks/${next}`;
      const chunk = resultDataSchema.parse(await this.call("GET", path));
      rows.push(...(chunk.data_array ?? []));
      link = chunk.next_chunk_internal_link;
      next = chunk.next_chunk_index;
    }
    return { statementId: id, columns, rows };
  }
}
