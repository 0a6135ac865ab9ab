import { z } from "zod";
import type { IdentityMode } from "./identity/types.ts";

const kitEnvSchema = z.object({
  APPBASE_KIT_URLS: z.string().optional(),
  DATABRICKS_APP_NAME: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/** The variables next-kit itself reads; kits compose these with their `@appbase/bindings` declarations. */
export type NextKitEnv = z.infer<typeof kitEnvSchema>;

/** Parses next-kit's variables; a malformed one fails with its name. */
export function readNextKitEnv(source: Record<string, string | undefined> = process.env): NextKitEnv {
  const parsed = kitEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}.`);
  }
  return parsed.data;
}

/** Identity mode: Databricks Apps injects DATABRICKS_APP_NAME into every app; anything else is local. */
export function identityModeOf(env: NextKitEnv): IdentityMode {
  return env.DATABRICKS_APP_NAME ? "databricks-apps" : "local";
}
