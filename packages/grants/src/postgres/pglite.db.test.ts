import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleMatrix } from "../testing/sample-matrices.ts";
import { applyPostgresPlan } from "./apply.ts";
import { postgresPlan } from "./plan.ts";
import { prunePostgresGrants } from "./prune.ts";
import { verifyPostgresGrants } from "./verify.ts";

// The local Lakebase is PGlite: apply and verify must work there too. It has one session, so the
// permission-error tests (separate logins) live in grants.db.test.ts on a real PostgreSQL server.
const binding = { target: "local", appPrincipal: "sample_desk_app" } as const;
let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(
    "CREATE SCHEMA sample_gold; CREATE TABLE sample_gold.contact (contact_id text PRIMARY KEY, email text)",
  );
  await applyPostgresPlan(db, postgresPlan(sampleMatrix, binding));
  await db.exec(`SET ROLE sample_desk_app;
    CREATE TABLE sample_desk.case_file (id serial PRIMARY KEY, contact_id text NOT NULL);
    RESET ROLE;`);
});

afterAll(async () => {
  await db?.close();
});

describe("grants on the embedded Postgres (PGlite)", () => {
  it("applies idempotently and verifies clean", async () => {
    await applyPostgresPlan(db, postgresPlan(sampleMatrix, binding));
    const report = await verifyPostgresGrants(db, sampleMatrix, binding);
    expect(report.drift).toEqual([]);
    expect(report.checked.tables).toBe(2);
  });

  it("detects a hand-made grant and revoke, and prune plus apply converge", async () => {
    await db.exec(`GRANT DELETE ON sample_gold.contact TO "sample-desk-admins";
      REVOKE SELECT ON sample_desk.case_file FROM "sample-desk-admins";`);
    const drift = (await verifyPostgresGrants(db, sampleMatrix, binding)).drift;
    expect(drift.map((d) => `${d.kind} ${d.object} ${d.grantee} ${d.privilege}`).sort()).toEqual([
      "missing-grant table sample_desk.case_file sample-desk-admins SELECT",
      "unexpected-grant table sample_gold.contact sample-desk-admins DELETE",
    ]);
    const pruned = await prunePostgresGrants(db, sampleMatrix, binding);
    expect(pruned.map((d) => d.privilege)).toEqual(["DELETE"]);
    await applyPostgresPlan(db, postgresPlan(sampleMatrix, binding));
    expect((await verifyPostgresGrants(db, sampleMatrix, binding)).drift).toEqual([]);
  });
});
