import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";
import { linkedKitBindings } from "@appbase/next-kit/links";
import { checkpointSchemasValue } from "./domain/checkpoints/checkpoint-schemas.ts";

/**
 * Every resource the AI Agent Operations Center binds in app.yaml; bundles/agent-ops/bundle.ts generates
 * the bundle from it and the portability gate checks the kit's code against it. All optional, so the
 * kit runs locally without them: no endpoint → the scripted model, no experiment → assessments wait
 * unbound, no warehouse → the governed registry writes the local lakehouse.
 */
export const agentOpsAppEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: lakebaseEndpointBinding(
      "Lakebase endpoint of the kit's database (agent state, checkpoints, review queue)",
    ),
    SERVING_ENDPOINT_NAME: {
      resource: "serving-endpoint",
      type: "serving_endpoint",
      optional: true,
      description: "Chat model the agents call (OpenAI-compatible chat completions with tools)",
    },
    MLFLOW_EXPERIMENT_ID: {
      resource: "experiment",
      type: "experiment",
      optional: true,
      description: "MLflow experiment with the agents' traces; review decisions become assessments there",
    },
    DATABRICKS_WAREHOUSE_ID: {
      resource: "sql-warehouse",
      type: "sql_warehouse",
      optional: true,
      description:
        "SQL warehouse the governed registries' Governance Writer writes the lakehouse through, and /usage reads the serving endpoint's usage and inference tables through",
    },
    // The agents file approved outcomes into the Risk kit (triage) and the Operations Portal (work
    // orders) through their owning routes, and threads link to what they filed.
    ...linkedKitBindings(["risk-compliance", "operations-portal"]),
  },
  values: {
    // Point the kit at an existing deployment's LangGraph checkpoints; the kit's own schema is always read.
    AGENT_CHECKPOINT_SCHEMAS: {
      default: "agent_checkpoints",
      schema: checkpointSchemasValue,
      description:
        "Comma-separated Postgres schemas holding LangGraph checkpoint tables (PostgresSaver) whose threads the kit lists",
    },
  },
});
