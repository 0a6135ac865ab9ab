import { randomBytes } from "node:crypto";
import { mlflow } from "@appbase/databricks";
import type { WorkspaceClient } from "../agents/workspace-client.ts";
import type { RunTurn, TurnSpans } from "./turn-spans.ts";

export interface LoggedTrace {
  traceId: string;
  /** Why the spans could not be uploaded; the trace info is logged either way. */
  spansError?: string;
}

// Databricks keeps previews to about 10 KB; keep well inside it.
const preview = (value: unknown) => JSON.stringify(value).slice(0, 8_000);

/**
 * Logs one agent turn (a start or a resume) as an MLflow trace in the experiment: the trace info
 * (`POST /api/3.0/mlflow/traces`) with the thread as its session and the turn's token usage, then its
 * spans (model calls, tool and retriever calls) as the trace's data, so the review decisions on the
 * thread have a trace to land on and MLflow shows what the turn did.
 */
export async function logRunTrace(
  client: WorkspaceClient,
  experimentId: string,
  turn: RunTurn,
  data: TurnSpans,
): Promise<LoggedTrace> {
  const traceId = `tr-${randomBytes(16).toString("hex")}`;
  const api = mlflow(client);
  const logged = await api.startTrace({
    trace_id: traceId,
    client_request_id: turn.threadId,
    trace_location: { type: "MLFLOW_EXPERIMENT", mlflow_experiment: { experiment_id: experimentId } },
    request_preview: preview({ messages: [{ role: "user", content: turn.request }] }),
    response_preview: preview(turn.response),
    request_time: turn.startedAt.toISOString(),
    execution_duration: `${((turn.endedAt.getTime() - turn.startedAt.getTime()) / 1000).toFixed(3)}s`,
    state: turn.error === null ? "OK" : "ERROR",
    trace_metadata: {
      "mlflow.trace.session": turn.threadId,
      "mlflow.trace.user": turn.user.slice(0, 250),
      "mlflow.modelId": turn.model.slice(0, 250),
      ...(data.usage ? { "mlflow.trace.tokenUsage": JSON.stringify(data.usage) } : {}),
    },
    tags: { "mlflow.traceName": turn.agent },
  });
  try {
    await api.uploadTraceData(logged.trace_id, data.spans);
    return { traceId: logged.trace_id };
  } catch (failure) {
    return {
      traceId: logged.trace_id,
      spansError: failure instanceof Error ? failure.message : String(failure),
    };
  }
}
