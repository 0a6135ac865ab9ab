import { z } from "zod";

/** A string variable that counts as unset when empty, so `FOO=` behaves like a missing `FOO`. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const port = (name: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, `${name} must be a TCP port number (1-65535), e.g. ${name}=5433`)
      .transform(Number)
      .refine((value) => value >= 1 && value <= 65_535, `${name} must be between 1 and 65535`)
      .optional(),
  );

/**
 * Every environment variable `@appbase/db` reads. Lakebase (Databricks Apps) variables follow the
 * platform's names; `APPBASE_*` variables configure the local Lakebase.
 */
export const dbEnvSchema = z.object({
  LAKEBASE_ENDPOINT: optionalText,
  DATABASE_URL: optionalText,
  PGHOST: optionalText,
  PGPORT: port("PGPORT"),
  PGDATABASE: optionalText,
  PGUSER: optionalText,
  PGPASSWORD: optionalText,
  PGSSLMODE: optionalText,
  PGAPPNAME: optionalText,
  DATABRICKS_HOST: optionalText,
  DATABRICKS_CLIENT_ID: optionalText,
  DATABRICKS_CLIENT_SECRET: optionalText,
  APPBASE_STATE_DIR: optionalText,
  APPBASE_LAKEBASE_PORT: port("APPBASE_LAKEBASE_PORT"),
  /** Minutes between the local Lakebase's periodic branch snapshots (its points in time); default 10. */
  APPBASE_LAKEBASE_SNAPSHOT_MINUTES: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, "APPBASE_LAKEBASE_SNAPSHOT_MINUTES must be a whole number of minutes, e.g. 10")
      .transform(Number)
      .refine(
        (value) => value >= 1 && value <= 1440,
        "APPBASE_LAKEBASE_SNAPSHOT_MINUTES must be between 1 and 1440",
      )
      .optional(),
  ),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;
export type EnvSource = Record<string, string | undefined>;

/** Validates the variables `@appbase/db` uses, from `source` or the process environment. */
export function readDbEnv(source: EnvSource = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid database environment variables:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/** The process environment, for code that must pass it on (e.g. to a child process). */
export function processEnv(): EnvSource {
  return process.env;
}
