import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsPortalMatrix } from "../kits/operations-portal.ts";
import { applyPostgresPlan } from "./apply.ts";
import { postgresPlan } from "./plan.ts";
import { prunePostgresGrants } from "./prune.ts";
import { verifyPostgresGrants } from "./verify.ts";

// The local Lakebase is PGlite: apply and verify must work there too. It has one session, so the
// permission-error tests (separate logins) live in grants.db.test.ts on a real PostgreSQL server.
const binding = { target: "local", appPrincipal: "operations_portal_app" } as const;
let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(
    "CREATE SCHEMA operations; CREATE TABLE operations.asset (asset_id text PRIMARY KEY, site text)",
  );
  await applyPostgresPlan(db, postgresPlan(operationsPortalMatrix, binding));
  await db.exec(`SET ROLE operations_portal_app;
    CREATE TABLE operations_portal.work_order (id serial PRIMARY KEY, asset_id text NOT NULL);
    RESET ROLE;`);
});

afterAll(async () => {
  await db?.close();
});

describe("grants on the embedded Postgres (PGlite)", () => {
  it("applies idempotently and verifies clean", async () => {
    await applyPostgresPlan(db, postgresPlan(operationsPortalMatrix, binding));
    const report = await verifyPostgresGrants(db, operationsPortalMatrix, binding);
    expect(report.drift).toEqual([]);
    expect(report.checked.tables).toBe(2);
  });

  it("detects a hand-made grant and revoke, and prune plus apply converge", async () => {
    await db.exec(`GRANT DELETE ON operations.asset TO "operations-portal-admins";
      REVOKE SELECT ON operations_portal.work_order FROM "operations-portal-admins";`);
    const drift = (await verifyPostgresGrants(db, operationsPortalMatrix, binding)).drift;
    expect(drift.map((d) => `${d.kind} ${d.object} ${d.grantee} ${d.privilege}`).sort()).toEqual([
      "missing-grant table operations_portal.work_order operations-portal-admins SELECT",
      "unexpected-grant table operations.asset operations-portal-admins DELETE",
    ]);
    const pruned = await prunePostgresGrants(db, operationsPortalMatrix, binding);
    expect(pruned.map((d) => d.privilege)).toEqual(["DELETE"]);
    await applyPostgresPlan(db, postgresPlan(operationsPortalMatrix, binding));
    expect((await verifyPostgresGrants(db, operationsPortalMatrix, binding)).drift).toEqual([]);
  });
});
