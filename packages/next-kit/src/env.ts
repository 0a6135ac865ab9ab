import {
  type AppEnv,
  type AppEnvDeclaration,
  type AppEnvValues,
  databricksHostSchema,
  detectRuntimeMode,
  type RuntimeMode,
} from "@appbase/bindings";
import { z } from "zod";

// An empty variable counts as unset (Apps and shells often export NAME="").
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const kitEnvSchema = z.object({
  /** The kits `appbase up` serves side by side, as JSON (see kit-switcher.ts). */
  APPBASE_KITS: optional(z.string()),
  /** The local branch `appbase preview` runs the kit on (on Databricks it is read from LAKEBASE_ENDPOINT). */
  APPBASE_BRANCH: optional(z.string().max(63)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional(z.string()),
  PGHOST: optional(z.string()),
  // Injected by Databricks Apps, with or without the scheme; normalized to an origin.
  DATABRICKS_HOST: optional(databricksHostSchema),
  // The app's service principal (injected by Databricks Apps): OAuth M2M for calls as the app.
  DATABRICKS_CLIENT_ID: optional(z.string()),
  DATABRICKS_CLIENT_SECRET: optional(z.string()),
});

/** The variables every kit reads, plus the runtime mode; kits add their own through their app env. */
export type NextKitEnv = z.infer<typeof kitEnvSchema> & { mode: RuntimeMode };

/** Parses next-kit's variables and detects the runtime mode; a malformed variable fails with its name. */
export function readNextKitEnv(source: Record<string, string | undefined> = process.env): NextKitEnv {
  const parsed = kitEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}.`);
  }
  return { ...parsed.data, mode: detectRuntimeMode(source) };
}

/** A kit's whole environment: its app env's bindings and values, and next-kit's variables. */
export type KitEnv<D extends AppEnvDeclaration> = AppEnvValues<D> & NextKitEnv;

/** Reads a kit's environment once, on first use; a missing or malformed variable fails naming it. */
export function kitEnvReader<D extends AppEnvDeclaration>(
  appEnv: AppEnv<D>,
  source: Record<string, string | undefined> = process.env,
): () => KitEnv<D> {
  let cached: KitEnv<D> | undefined;
  return () => {
    cached ??= { ...appEnv.loadEnv(source), ...readNextKitEnv(source) };
    return cached;
  };
}
