import { detectRuntimeMode, type RuntimeMode } from "@appbase/bindings";
import { z } from "zod";

const kitEnvSchema = z.object({
  APPBASE_KIT_URLS: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/** The variables next-kit itself reads, plus the runtime mode; kits compose these with their bindings. */
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
