import { databricksHostSchema } from "@appbase/bindings";
import { readNextKitEnv } from "@appbase/next-kit/env";
import { z } from "zod";
import { customerHubAppEnv } from "./app-env.ts";

const connectionSchema = z.object({
  DATABASE_URL: z.string().optional(),
  PGHOST: z.string().optional(),
  // Injected by Databricks Apps, with or without the scheme; normalized to an origin.
  DATABRICKS_HOST: z.preprocess((v) => (v === "" ? undefined : v), databricksHostSchema.optional()),
  DATABRICKS_CLIENT_ID: z.string().optional(),
  DATABRICKS_CLIENT_SECRET: z.string().optional(),
});

let cached: ReturnType<typeof load> | undefined;

function load() {
  const connection = connectionSchema.safeParse(process.env);
  if (!connection.success) {
    const issue = connection.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}.`);
  }
  return { ...customerHubAppEnv.loadEnv(process.env), ...readNextKitEnv(process.env), ...connection.data };
}

/** The kit's validated environment, read once; a missing or malformed variable fails here, naming it. */
export function serverEnv() {
  cached ??= load();
  return cached;
}
