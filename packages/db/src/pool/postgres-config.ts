import type pg from "pg";
import type { DbEnv } from "../env.ts";

/**
 * pg settings for "any Postgres" mode, from `DATABASE_URL` or the standard PG* variables. They are
 * passed explicitly because pg would otherwise read process.env, ignoring a caller's `env`.
 */
export function postgresConfig(env: DbEnv): pg.PoolConfig {
  if (env.DATABASE_URL) {
    try {
      new URL(env.DATABASE_URL);
    } catch {
      throw new Error("DATABASE_URL is not a valid URL: use postgres://user:password@host:port/database");
    }
    return { connectionString: env.DATABASE_URL };
  }
  return {
    host: env.PGHOST,
    port: env.PGPORT ?? 5432,
    database: env.PGDATABASE ?? env.PGUSER,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    ssl: sslFromMode(env.PGSSLMODE),
  };
}

function sslFromMode(mode: string | undefined): pg.PoolConfig["ssl"] {
  switch (mode) {
    case undefined:
    case "disable":
    case "allow":
      return false;
    case "prefer":
    case "require":
      return { rejectUnauthorized: false };
    case "verify-ca":
    case "verify-full":
      return { rejectUnauthorized: true };
    default:
      throw new Error(
        `PGSSLMODE=${mode} is not a libpq SSL mode: use disable, require, verify-ca or verify-full.`,
      );
  }
}

/** user@host:port/database of a pg config, never the password. */
export function describeTarget(config: pg.PoolConfig): string {
  if (config.connectionString) {
    const url = new URL(config.connectionString);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
    return `${user}${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  const user = config.user ? `${config.user}@` : "";
  return `${user}${config.host ?? "localhost"}:${config.port ?? 5432}/${config.database ?? ""}`;
}
