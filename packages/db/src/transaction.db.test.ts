import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";
import { inTransaction } from "./transaction.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query("create table ledger (id int primary key, note text not null)");
});
afterAll(async () => {
  await database.close();
});

const notes = async () =>
  (await database.pool.query<{ note: string }>("select note from ledger order by id")).rows.map(
    (r) => r.note,
  );

describe("inTransaction", () => {
  it("commits every statement of the work together and returns its result", async () => {
    const result = await inTransaction(database.pool, async (tx) => {
      await tx.query("insert into ledger values (1, 'first')");
      await tx.query("insert into ledger values (2, 'second')");
      return "done";
    });
    expect(result).toBe("done");
    expect(await notes()).toEqual(["first", "second"]);
  });

  it("rolls back what the work wrote when it throws, passes the error on and frees the client", async () => {
    const failing = inTransaction(database.pool, async (tx) => {
      await tx.query("insert into ledger values (3, 'lost')");
      await tx.query("insert into ledger values (1, 'duplicate key')");
    });
    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual(["first", "second"]);
    // The client went back to the pool outside a transaction: the next work commits normally.
    await inTransaction(database.pool, (tx) => tx.query("insert into ledger values (4, 'after')"));
    expect(await notes()).toEqual(["first", "second", "after"]);
  });
});
