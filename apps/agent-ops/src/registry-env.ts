import { databricksHostSchema } from "@appbase/bindings";
import { z } from "zod";

// Empty strings count as unset: app.yaml and shells often export a variable with no value.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const registryEnvSchema = z.object({
  APPBASE_LAKEHOUSE_DIR: optional(z.string()),
  DATABRICKS_HOST: optional(databricksHostSchema),
  DATABRICKS_WAREHOUSE_ID: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9]+$/, "must be a SQL warehouse id (letters and digits, from the warehouse URL)"),
  ),
});

/** Where the governed registry's lakehouse is: a local folder (`appbase up`) or a SQL warehouse. */
export type RegistryEnv = z.infer<typeof registryEnvSchema>;

let cached: RegistryEnv | undefined;

/** The registry's validated variables, read once; a malformed one fails here, naming it. */
export function registryEnv(): RegistryEnv {
  if (cached) return cached;
  const parsed = registryEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}.`);
  }
  cached = parsed.data;
  return cached;
}
