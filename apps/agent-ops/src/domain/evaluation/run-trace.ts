import { randomBytes } from "node:crypto";
import { mlflow } from "@appbase/databricks";
import type { WorkspaceClient } from "../agents/workspace-client.ts";

export interface RunTurn {
  threadId: string;
  /** Who started or resumed the run (trace metadata mlflow.trace.user). */
  user: string;
  agent: string;
  model: string;
  request: string;
  /** The run's last answer or why it stopped, as the trace's response preview. */
  response: string;
  startedAt: Date;
  durationMs: number;
  failed: boolean;
}

// Databricks keeps previews to about 10 KB; keep well inside it.
const preview = (value: unknown) => JSON.stringify(value).slice(0, 8_000);

/**
 * Logs one agent turn (a start or a resume) as an MLflow trace in the experiment
 * (`POST /api/3.0/mlflow/traces`), with the thread as its session, so the review decisions on the
 * thread have a trace to land on. Returns the trace id.
 */
export async function logRunTrace(
  client: WorkspaceClient,
  experimentId: string,
  turn: RunTurn,
): Promise<string> {
  const traceId = `tr-${randomBytes(16).toString("hex")}`;
  const logged = await mlflow(client).startTrace({
    trace_id: traceId,
    client_request_id: turn.threadId,
    trace_location: { type: "MLFLOW_EXPERIMENT", mlflow_experiment: { experiment_id: experimentId } },
    request_preview: preview({ messages: [{ role: "user", content: turn.request }] }),
    response_preview: preview(turn.response),
    request_time: turn.startedAt.toISOString(),
    execution_duration: `${(turn.durationMs / 1000).toFixed(3)}s`,
    state: turn.failed ? "ERROR" : "OK",
    trace_metadata: {
      "mlflow.trace.session": turn.threadId,
      "mlflow.trace.user": turn.user.slice(0, 250),
      "mlflow.modelId": turn.model.slice(0, 250),
    },
    tags: { "mlflow.traceName": turn.agent },
  });
  return logged.trace_id;
}
