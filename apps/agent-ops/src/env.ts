import { databricksHostSchema } from "@appbase/bindings";
import { readNextKitEnv } from "@appbase/next-kit/env";
import { z } from "zod";
import { agentOpsAppEnv } from "./app-env.ts";

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
