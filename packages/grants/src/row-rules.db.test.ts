import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantsIdentity } from "./identity.ts";
import type { KitMatrix } from "./matrix.ts";
import { rowFilter, rowPredicate, rowRuleFor } from "./row-rules.ts";
import { sampleMatrix } from "./testing/sample-matrices.ts";
import {
  createTestDatabase,
  dropTestDatabase,
  startTestPostgres,
  type TestPostgres,
} from "./testing/test-postgres.ts";

// One rule, two uses: the SQL predicate and the in-memory filter must select the same rows.
let server: TestPostgres;
let database: string;
let db: pg.Client;

const people = ["u-1", "u-2", "u-3", null];
const teams = ["team-north", "team-south", null];
const rows = Array.from({ length: 48 }, (_, i) => ({
  id: i + 1,
  claimed_by: people[i % people.length] ?? null,
  assignee_id: people[(i * 7) % people.length] ?? null,
  assigned_team: teams[i % teams.length] ?? null,
}));

beforeAll(async () => {
  server = await startTestPostgres();
  database = await createTestDatabase(server, "rowrules");
  db = new pg.Client({ connectionString: server.superuserUrl(database) });
  await db.connect();
  await db.query(
    "CREATE TABLE item (id int PRIMARY KEY, claimed_by text, assignee_id uuid, assigned_team text)",
  );
  // assignee_id is a uuid column: the rule compares as text, so the ids below are uuids.
  for (const r of rows) {
    await db.query("INSERT INTO item VALUES ($1, $2, $3, $4)", [
      r.id,
      r.claimed_by,
      uuidFor(r.assignee_id),
      r.assigned_team,
    ]);
  }
});

afterAll(async () => {
  await db?.end();
  if (server && database) await dropTestDatabase(server, database);
  await server?.stop();
});

function uuidFor(person: string | null): string | null {
  return person ? `00000000-0000-4000-8000-00000000000${person.slice(2)}` : null;
}

async function sqlIds(identity: GrantsIdentity, matrix: KitMatrix, rule: string): Promise<number[]> {
  const predicate = rowPredicate(identity, rowRuleFor(matrix, rule), matrix, { alias: "i", firstParam: 2 });
  const result = await db.query(`SELECT id FROM item i WHERE id > $1 AND ${predicate.sql} ORDER BY id`, [
    0,
    ...predicate.params,
  ]);
  return result.rows.map((r: { id: number }) => r.id);
}

function memoryIds(
  identity: GrantsIdentity,
  matrix: KitMatrix,
  rule: string,
  view: (r: (typeof rows)[number]) => object,
) {
  const keep = rowFilter(identity, rowRuleFor(matrix, rule), matrix);
  return rows.filter((r) => keep(view(r) as Record<string, unknown>)).map((r) => r.id);
}

describe("row rules agree in SQL and in memory", () => {
  const identities = {
    manager: { email: "r@example.com", userId: "u-1", groups: ["sample-desk-managers"] },
    viewer: { email: "o@example.com", userId: "u-9", groups: ["sample-desk-viewers"] },
    admin: { email: "a@example.com", userId: "u-2", groups: ["sample-desk-admins"] },
  };

  it.each(Object.entries(identities))("queue rule for %s", async (_name, identity) => {
    for (const rule of ["queue-visible"]) {
      const fromSql = await sqlIds(identity, sampleMatrix, rule);
      expect(fromSql).toEqual(memoryIds(identity, sampleMatrix, rule, (r) => r));
    }
  });

  it("a manager sees exactly their claims plus unclaimed items", async () => {
    const ids = await sqlIds(identities.manager, sampleMatrix, "queue-visible");
    const expected = rows.filter((r) => r.claimed_by === "u-1" || r.claimed_by === null).map((r) => r.id);
    expect(ids).toEqual(expected);
    expect(ids.length).toBeLessThan(rows.length);
  });

  it("cases by assignee uuid or team membership", async () => {
    const investigator = {
      email: "i@example.com",
      userId: uuidFor("u-3") ?? "",
      groups: ["sample-desk-managers", "team-north"],
    };
    const fromSql = await sqlIds(investigator, sampleMatrix, "assigned-cases");
    const fromMemory = memoryIds(investigator, sampleMatrix, "assigned-cases", (r) => ({
      ...r,
      assignee_id: uuidFor(r.assignee_id),
    }));
    expect(fromSql).toEqual(fromMemory);
    expect(fromSql.length).toBeGreaterThan(0);
    expect(fromSql.length).toBeLessThan(rows.length);
  });
});
