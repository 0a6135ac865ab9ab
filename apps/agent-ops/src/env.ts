import { databricksHostSchema, defineAppEnv } from "@appbase/bindings";
import { readNextKitEnv } from "@appbase/next-kit/env";
import { z } from "zod";

/**
 * Resources this kit binds in app.yaml (bundles/agent-ops declares the same); all optional, so a local
 * rehearsal runs without them: no endpoint → the scripted model, no experiment → assessments wait unbound.
 */
export const agentOpsAppEnv = defineAppEnv({
  bindings: {
    SERVING_ENDPOINT_NAME: {
      resource: "serving-endpoint",
      type: "serving_endpoint",
      optional: true,
      description: "Chat model the agents call (OpenAI-compatible chat completions with tools); CAN_QUERY",
    },
    MLFLOW_EXPERIMENT_ID: {
      resource: "experiment",
      type: "experiment",
      optional: true,
      description:
        "MLflow experiment holding the agents' traces; review decisions become assessments there (CAN_EDIT)",
    },
    DATABRICKS_WAREHOUSE_ID: {
      resource: "sql-warehouse",
      type: "sql_warehouse",
      optional: true,
      description:
        "SQL warehouse the governed registries' Governance Writer writes the lakehouse through; CAN_USE",
    },
  },
});

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const connectionSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PGHOST: z.string().optional(),
  // Injected by Databricks Apps, with or without the scheme; normalized to an origin.
  DATABRICKS_HOST: optional(databricksHostSchema),
  // The app's service principal (injected by Databricks Apps): OAuth M2M for serving and MLflow calls.
  DATABRICKS_CLIENT_ID: optional(z.string()),
  DATABRICKS_CLIENT_SECRET: optional(z.string()),
});

let cached: ReturnType<typeof load> | undefined;

function load() {
  const connection = connectionSchema.safeParse(process.env);
  if (!connection.success) {
    const issue = connection.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}.`);
  }
  return { ...agentOpsAppEnv.loadEnv(process.env), ...readNextKitEnv(process.env), ...connection.data };
}

/** The kit's validated environment, read once; a missing or malformed variable fails here, naming it. */
export function serverEnv() {
  cached ??= load();
  return cached;
}
