import { randomUUID } from "node:crypto";
import { applyMigrations } from "@appbase/db";
import { dropWhenIdle } from "@appbase/db/testing";
import pg from "pg";
import { agentOpsMigrations } from "../db/migrations.ts";

/** A throwaway, migrated database on a real server; `close` drops it. */
export async function createServerDatabase(serverUrl: string, maxConnections = 30) {
  const name = `agent_ops_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: maxConnections });
  await applyMigrations(pool, agentOpsMigrations);
  return {
    pool,
    async close() {
      await pool.end();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropWhenIdle(dropper, name);
      await dropper.end();
    },
  };
}
