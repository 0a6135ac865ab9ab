import { z } from "zod";

const testEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(
      z
        .string()
        .url("DATABASE_URL must be a postgres:// URL, e.g. postgres://user:pass@127.0.0.1:5432/postgres")
        .optional(),
    ),
});

/** Variables the package's database tests read: DATABASE_URL selects a real PostgreSQL server. */
export function lakehouseTestEnv(env: NodeJS.ProcessEnv = process.env) {
  return testEnvSchema.parse({ DATABASE_URL: env.DATABASE_URL });
}
