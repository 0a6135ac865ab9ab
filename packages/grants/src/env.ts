import { z } from "zod";

/** Environment the grants commands and their database tests read; nothing else in this package reads process.env. */
export const grantsEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  APPBASE_POSTGRES_BIN: z.string().min(1).default("/usr/lib/postgresql/15/bin"),
});

export type GrantsEnv = z.infer<typeof grantsEnvSchema>;

/** Reads and validates the environment, naming the variable on error. */
export function readGrantsEnv(env: NodeJS.ProcessEnv = process.env): GrantsEnv {
  const parsed = grantsEnvSchema.safeParse({
    DATABASE_URL: env.DATABASE_URL || undefined,
    APPBASE_POSTGRES_BIN: env.APPBASE_POSTGRES_BIN || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
