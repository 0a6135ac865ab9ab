import { databricksHostSchema, defineAppEnv } from "@appbase/bindings";
import { readNextKitEnv } from "@appbase/next-kit/env";
import { z } from "zod";

/** Resources this kit binds in app.yaml: none yet (MLflow sending is not wired; handoffs stay "unbound"). */
export const agentOpsAppEnv = defineAppEnv({ bindings: {} });

const connectionSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PGHOST: z.string().optional(),
  DATABRICKS_HOST: z.preprocess((v) => (v === "" ? undefined : v), databricksHostSchema.optional()),
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
