import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// connection string")
    .optional(),
});

/** Test-only settings: set DATABASE_URL to also run the database tests on a real PostgreSQL server. */
export const testEnv = schema.parse({ DATABASE_URL: process.env.DATABASE_URL || undefined });
