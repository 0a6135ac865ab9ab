import { datasetsMigrations } from "@appbase/datasets";
import { applyMigrations } from "@appbase/db";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetToPlatformState } from "./platform-state.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrations: [] });
});
afterAll(() => db?.close());

async function schemas(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

describe("resetToPlatformState", () => {
  it("keeps what a bundle deploy creates and drops every kit's schema and migration journal", async () => {
    await applyMigrations(db.pool, datasetsMigrations);
    await db.pool.query("CREATE SCHEMA customer_hub; CREATE TABLE customer_hub.notes (id int)");
    await db.pool.query(
      "CREATE SCHEMA agent_checkpoints; CREATE TABLE appbase_migrations.customer_hub (id int)",
    );
    const before = await schemas();
    expect(before).toEqual(expect.arrayContaining(["customer", "customer_hub", "agent_checkpoints"]));

    expect(await resetToPlatformState(db.pool)).toEqual(["agent_checkpoints", "customer_hub"]);
    expect(await schemas()).toEqual(before.filter((s) => s !== "customer_hub" && s !== "agent_checkpoints"));
    const journals = await db.pool.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'appbase_migrations' ORDER BY 1",
    );
    expect(journals.rows.map((r) => r.name)).toEqual(["datasets"]);
    const customers = await db.pool.query("SELECT count(*) FROM customer.customers");
    expect(customers.rows).toHaveLength(1);
  });
});
