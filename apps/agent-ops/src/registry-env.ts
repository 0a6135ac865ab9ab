import { z } from "zod";

// The kit's env.ts holds the Databricks variables (host, warehouse binding, the app's OAuth client);
// this file adds the one the local platform sets for the lakehouse. Empty counts as unset.
const registryEnvSchema = z.object({
  APPBASE_LAKEHOUSE_DIR: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().optional(),
  ),
});

/** Where the governed registry's lakehouse is: a local folder (`appbase up`) or a SQL warehouse. */
export interface RegistryLakehouseEnv {
  APPBASE_LAKEHOUSE_DIR?: string | undefined;
  DATABRICKS_HOST?: string | undefined;
  DATABRICKS_WAREHOUSE_ID?: string | undefined;
  DATABRICKS_CLIENT_ID?: string | undefined;
  DATABRICKS_CLIENT_SECRET?: string | undefined;
}

let cached: z.infer<typeof registryEnvSchema> | undefined;

/** APPBASE_LAKEHOUSE_DIR, validated once; `appbase up` sets it to `<stateDir>/lakehouse` for every kit. */
export function registryEnv(): z.infer<typeof registryEnvSchema> {
  if (cached) return cached;
  const parsed = registryEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}.`);
  }
  cached = parsed.data;
  return cached;
}
