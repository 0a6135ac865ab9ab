import type { AiGateway } from "@appbase/databricks";
import {
  chatCompletion,
  type Fault,
  mlflowRoutes,
  type RouteReply,
  type FakeWorkspace as SharedFakeWorkspace,
  type StoredTrace,
  servingRoutes,
  servingSystemTables,
  sqlStatementRoutes,
  startFakeWorkspace as startSharedFakeWorkspace,
} from "@appbase/databricks/testing";

/** The kit's names for the routes its tests fault, mapped to the shared fake's route names. */
const ROUTES = {
  search: "mlflow.search-traces",
  "log-trace": "mlflow.start-trace",
  "get-trace": "mlflow.get-trace",
  "create-assessment": "mlflow.create-assessment",
  invocations: "serving.invocations",
} as const;

/**
 * The agents' workspace for tests: the shared fake workspace (`@appbase/databricks/testing`) with
 * MLflow traces/assessments and one serving endpoint that answers with the replies queued by
 * `replyWith`, in order. With `gateway`, the endpoint sits behind that AI Gateway, which logs its
 * requests into the usage and inference tables a SQL warehouse (any warehouse id) reads.
 */
export async function startFakeWorkspace(
  options: { clientId?: string; clientSecret?: string; gateway?: AiGateway } = {},
) {
  const chatReplies: unknown[] = [];
  const mlflow = mlflowRoutes();
  const tables = servingSystemTables();
  const serving = servingRoutes({
    ...(options.gateway ? { gateways: { "agents-llm": options.gateway }, tables } : {}),
    endpoints: {
      "agents-llm": (): unknown | RouteReply =>
        chatReplies.shift() ?? {
          status: 500,
          body: { error_code: "INTERNAL_ERROR", message: "The fake has no reply queued." },
        },
    },
  });
  const shared: SharedFakeWorkspace = await startSharedFakeWorkspace({
    clientId: options.clientId ?? "app-client",
    clientSecret: options.clientSecret ?? "app-secret",
    routes: [...mlflow.routes, ...serving, ...sqlStatementRoutes(tables.plan).routes],
  });
  return Object.assign(shared, {
    /** Adds a trace whose session metadata is the thread id; returns its id. */
    addTrace: (threadId: string): string => mlflow.addTrace({ "mlflow.trace.session": threadId }),
    /** Every trace the fake holds, with what was logged. */
    traces: (): StoredTrace[] => mlflow.traces,
    assessmentsOn: (traceId: string): Record<string, unknown>[] =>
      mlflow.traces.find((t) => t.trace_id === traceId)?.assessments ?? [],
    /** Queues a fault for the next call to the route: an HTTP error, or "lose-response" (the call takes effect, the answer is lost). */
    fail(route: keyof typeof ROUTES, fault: Exclude<Fault, "drop"> | "lose-response"): void {
      shared.inject(ROUTES[route], fault === "lose-response" ? "drop" : fault);
    },
    /** Queues the body of the next chat completions response. */
    replyWith(body: unknown): void {
      chatReplies.push(body);
    },
  });
}

export type FakeWorkspace = Awaited<ReturnType<typeof startFakeWorkspace>>;

/** A chat completion for `replyWith` that reports the given token counts, as the endpoint would. */
export function completionWithTokens(
  reply: Parameters<typeof chatCompletion>[0],
  [input, output]: readonly [number, number],
): Record<string, unknown> {
  return {
    ...chatCompletion(reply),
    usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
  };
}
