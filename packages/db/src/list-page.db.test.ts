import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countRows,
  decodeCursor,
  encodeCursor,
  type KeysetOrder,
  keysetPage,
  keysetPosition,
  keysetQuery,
} from "./list-page.ts";
import { sqlParameters } from "./sql-parameters.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let database: TestDatabase;

// 23 rows, scores with many ties (0.5 appears 9 times), so only the key keeps the order total.
const ROWS = Array.from({ length: 23 }, (_, i) => ({
  id: `C${String(i + 1).padStart(3, "0")}`,
  score: i % 3 === 0 ? 0.5 : i / 10,
  seen: new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + (i % 4) * 1000.25).toISOString(),
}));

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(
    "create table things (id text primary key, score double precision not null, seen timestamptz not null, kind text not null)",
  );
  for (const [i, row] of ROWS.entries()) {
    await database.pool.query(
      "insert into things values ($1, $2, $3::timestamptz + interval '7 microseconds', $4)",
      [row.id, row.score, row.seen, i % 2 === 0 ? "even" : "odd"],
    );
  }
});
afterAll(() => database?.close());

async function page(
  order: KeysetOrder,
  tokens: { after?: string | null; before?: string | null },
  size: number,
) {
  const { values, bind } = sqlParameters();
  const position = keysetPosition(tokens, order);
  const q = keysetQuery(order, position, size, bind);
  const { rows } = await database.pool.query<{ id: string; keyset_value: string; keyset_key: string }>(
    `select id, ${q.select} from things ${q.where ? `where ${q.where}` : ""} order by ${q.orderBy} limit ${q.limit}`,
    values,
  );
  return keysetPage(rows, position, size);
}

/** Every id in order, walking next links from the first page. */
async function walkForward(order: KeysetOrder, size: number) {
  const pages: string[][] = [];
  let current = await page(order, {}, size);
  pages.push(current.rows.map((r) => r.id));
  while (current.next) {
    current = await page(order, { after: current.next }, size);
    pages.push(current.rows.map((r) => r.id));
  }
  return pages;
}

const byScore = (dir: "asc" | "desc"): KeysetOrder => ({
  sort: "score",
  sortType: "double precision",
  key: "id",
  dir,
});
const bySeen = (dir: "asc" | "desc"): KeysetOrder => ({
  sort: "seen",
  sortType: "timestamptz",
  key: "id",
  dir,
});

// Several sort columns (a queue's kind, then time seen, then score), ties again broken by the key.
const byKindThenSeen = (dir: "asc" | "desc"): KeysetOrder => ({
  sort: "kind",
  sortType: "text",
  thenBy: [
    { sql: "seen", type: "timestamptz" },
    { sql: "score", type: "double precision" },
  ],
  key: "id",
  dir,
});

describe("keyset pages", () => {
  it.each([
    ["score asc", byScore("asc")],
    ["score desc", byScore("desc")],
    ["timestamp (microseconds) asc", bySeen("asc")],
    ["timestamp desc", bySeen("desc")],
    ["kind, seen, score asc", byKindThenSeen("asc")],
    ["kind, seen, score desc", byKindThenSeen("desc")],
  ])(
    "walk every row once, in the same order as OFFSET paging, with ties broken by key (%s)",
    async (_, order) => {
      const columns = [order.sort, ...(order.thenBy ?? []).map((c) => c.sql), "id"];
      const { rows } = await database.pool.query<{ id: string }>(
        `select id from things order by ${columns.map((c) => `${c} ${order.dir}`).join(", ")}`,
      );
      const pages = await walkForward(order, 5);
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      expect(pages.flat()).toEqual(rows.map((r) => r.id));
    },
  );

  it.each([
    ["score desc", byScore("desc")],
    ["kind, seen, score asc", byKindThenSeen("asc")],
  ])(
    "walks back with prev links to exactly the pages seen going forward, and the first page has no prev (%s)",
    async (_, order) => {
      const forward = await walkForward(order, 4);
      let current = await page(order, {}, 4);
      while (current.next) current = await page(order, { after: current.next }, 4);
      expect(current.next).toBeNull();
      const backward: string[][] = [current.rows.map((r) => r.id)];
      while (current.prev) {
        current = await page(order, { before: current.prev }, 4);
        backward.unshift(current.rows.map((r) => r.id));
      }
      expect(backward).toEqual(forward);
      expect(current.prev).toBeNull();
      // Forward again from a page reached backwards continues where it should.
      const second = await page(order, { after: current.next }, 4);
      expect(second.rows.map((r) => r.id)).toEqual(forward[1]);
    },
  );

  it("a first page has no prev, and a last page that fills exactly has no next", async () => {
    const first = await page(byScore("asc"), {}, 23);
    expect(first.rows).toHaveLength(23);
    expect(first.prev).toBeNull();
    expect(first.next).toBeNull();
  });

  it("treats a token it did not write as the first page", () => {
    expect(keysetPosition({ after: "not a cursor!" })).toEqual({});
    expect(keysetPosition({ before: Buffer.from('{"a":1}').toString("base64url") })).toEqual({});
    expect(decodeCursor(Buffer.from(JSON.stringify(["x\0", "k"])).toString("base64url"))).toBeNull();
    expect(decodeCursor("A".repeat(600))).toBeNull();
    const token = encodeCursor({ values: ["0.5"], key: "C004" });
    expect(keysetPosition({ after: token, before: token })).toEqual({
      after: { values: ["0.5"], key: "C004" },
    });
    // A token of another order (three sort values where one is expected, or the reverse) starts over.
    const values = ["even", "2026-01-01 00:00:01+00", "0.5"];
    const threeColumns = encodeCursor({ values, key: "C004" });
    expect(keysetPosition({ after: threeColumns })).toEqual({});
    expect(keysetPosition({ after: token }, byKindThenSeen("asc"))).toEqual({});
    expect(keysetPosition({ before: threeColumns }, byKindThenSeen("asc"))).toEqual({
      before: { values, key: "C004" },
    });
  });
});

describe("countRows", () => {
  it("counts exactly up to the threshold", async () => {
    expect(await countRows(database.pool, "from things where kind = $1", ["odd"], { exactUpTo: 11 })).toEqual(
      {
        total: 11,
        estimated: false,
      },
    );
    expect(await countRows(database.pool, "from things", [], { exactUpTo: 100 })).toEqual({
      total: 23,
      estimated: false,
    });
  });

  it("beyond the threshold returns the planner's estimate, never below the threshold", async () => {
    await database.pool.query("analyze things");
    const counted = await countRows(database.pool, "from things where kind = $1", ["even"], { exactUpTo: 5 });
    expect(counted.estimated).toBe(true);
    expect(counted.total).toBeGreaterThanOrEqual(6);
    // Planner statistics of an analyzed 23-row table put the even rows near their real 12.
    expect(counted.total).toBeGreaterThanOrEqual(8);
    expect(counted.total).toBeLessThanOrEqual(23);
  });
});
