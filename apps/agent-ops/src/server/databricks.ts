import "server-only";
import { appWorkspaceClient, missingAppPrincipal } from "@appbase/databricks";
import { type AgentModel, servingAgentModel } from "../domain/agents/agent-model.ts";
import { ServingChatModel } from "../domain/agents/serving-chat-model.ts";
import type { WorkspaceClient } from "../domain/agents/workspace-client.ts";
import type { MlflowTarget } from "../domain/evaluation/assessment-outbox.ts";
import type { PlatformSource } from "../domain/usage/platform-usage.ts";
import { serverEnv } from "./kit.ts";

let client: WorkspaceClient | undefined;

/** The workspace as the app's service principal; a bound resource without credentials says what is missing. */
function workspace(purpose: string): WorkspaceClient {
  if (client) return client;
  const env = serverEnv();
  const missing = missingAppPrincipal(env);
  if (missing.length > 0) {
    throw new Error(
      `${purpose} is bound but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set; Databricks Apps injects them for the app's service principal (locally, export them for a service principal that may use the resource).`,
    );
  }
  client = appWorkspaceClient(env);
  return client;
}

let model: AgentModel | undefined;

/** The bound serving endpoint as the agents' model, or undefined (the scripted model runs). */
export function boundAgentModel(): AgentModel | undefined {
  const endpoint = serverEnv().SERVING_ENDPOINT_NAME;
  if (!endpoint) return undefined;
  model ??= servingAgentModel(
    new ServingChatModel({
      endpoint,
      client: workspace(`Serving endpoint ${endpoint} (SERVING_ENDPOINT_NAME)`),
    }),
  );
  return model;
}

/** The bound MLflow experiment to send assessments to, or undefined (handoffs stay unbound). */
export function boundMlflowTarget(): MlflowTarget | undefined {
  const experimentId = serverEnv().MLFLOW_EXPERIMENT_ID;
  if (!experimentId) return undefined;
  return { experimentId, client: workspace(`MLflow experiment ${experimentId} (MLFLOW_EXPERIMENT_ID)`) };
}

/** Where the platform's usage figures are read: the bound endpoint and warehouse, or undefined (no endpoint bound). */
export function boundPlatformSource(): PlatformSource | undefined {
  const env = serverEnv();
  const endpoint = env.SERVING_ENDPOINT_NAME;
  if (!endpoint) return undefined;
  return {
    endpoint,
    warehouseId: env.DATABRICKS_WAREHOUSE_ID,
    client: workspace(`Serving endpoint ${endpoint} (SERVING_ENDPOINT_NAME)`),
  };
}
