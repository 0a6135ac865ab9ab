// The hostile-payload suite every kit runs on its own actions and routes (src/server/hostile-input.test.ts):
// each mutation named by the kit's wrapped exports gets a valid example from the kit, then one field at a
// time is replaced with a hostile value (NUL, lone surrogates, 1 MB text, 2^31, impossible dates, wrong
// types). Every case must come back as a field error on that field that a person can act on, with no
// exception (a 5xx in Next) and no write to the kit's real test database.
import { fileURLToPath, pathToFileURL } from "node:url";
import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { can } from "@appbase/grants";
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WrappedInfo, wrappedInfo } from "../action/registry.ts";
import { type ActionResult, statusForFailure } from "../action/result.ts";
import { useKitTestPool } from "../db/kit-database.ts";
import type { KitDefinition } from "../define-kit.ts";
import { actionModules, routeModules } from "./kit-wiring.ts";
import { actAsLocalUser } from "./next-headers.ts";

/** A valid input of one action (an object of fields) or the query of one GET route. */
export type HostileExample = Record<string, unknown>;

export interface HostileInputOptions {
  /**
   * Valid inputs keyed by action export name (`addNoteAction`) or route (`GET /api/customers`,
   * `POST /api/intake/triage`: a POST's example is its JSON body); give one
   * per variant of a discriminated union. An action without one fails the suite.
   */
  examples: Record<string, readonly HostileExample[]>;
  /** The kit's migrated test database (a fresh PGlite, or Postgres on DATABASE_URL). */
  database: () => Promise<{ pool: pg.Pool; close(): Promise<void> }>;
  /** Cases per action (fast-check runs); the default keeps the whole suite within seconds per kit. */
  runsPerAction?: number;
}

interface Target {
  name: string;
  info: WrappedInfo;
  call: (
    input: HostileExample,
    userId: string,
    method?: string,
  ) => Promise<{ status: number; body: unknown }>;
}

const INT4_OVERFLOW = 2 ** 31;
const MB = "x".repeat(1_048_577);
// zod's own wording ("Invalid input: expected string, received null", "Too big: …") tells a person
// nothing; "Invalid option: expected one of …" lists the choices, so it may stay.
const ZOD_DEFAULT = /^(Invalid (input|string|number|UUID|email|ISO)|Too (big|small)|Unrecognized)/;

const around = (inner: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 12 }), inner, fc.string({ maxLength: 12 })).map((p) => p.join(""));

const controlText = around(fc.constantFrom("\u0000", "\u0007", "\u001b", "\u007f"));
/** Text no field may accept, whatever its other rules. */
const hostileText = fc.oneof(
  controlText,
  around(fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF")),
  fc.constant(MB),
);
// A URL cannot carry a lone surrogate: it is encoded as U+FFFD, which is ordinary text.
const hostileParam = fc.oneof(controlText, fc.constant(MB));
const wrongType = fc.constantFrom<unknown>(null, INT4_OVERFLOW, { nested: { deep: [null] } });

/** Hostile values for a field, chosen by what its valid example looks like. */
function hostileValues(example: unknown, inQuery: boolean): fc.Arbitrary<unknown> {
  if (inQuery) return hostileParam;
  if (typeof example === "number")
    return fc.constantFrom<unknown>(
      INT4_OVERFLOW,
      -INT4_OVERFLOW - 1,
      1e308,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      false,
      "",
      [],
      {},
      "abc",
      "1e999",
    );
  if (typeof example === "boolean") return fc.constantFrom<unknown>(null, INT4_OVERFLOW, {}, []);
  if (typeof example !== "string") return fc.oneof(hostileText, wrongType);
  const cases: fc.Arbitrary<unknown>[] = [hostileText, wrongType];
  if (/^\d{4}-\d{2}-\d{2}$/.test(example))
    cases.push(fc.constantFrom("2026-02-30", "2027-02-29", "2026-13-01", "0000-01-01", "9999-12-31"));
  if (example.includes("@"))
    cases.push(
      fc.constantFrom(`${"a".repeat(300)}@example.com`, `${"a".repeat(65)}@example.com`, "a..b@example.com"),
    );
  return fc.oneof(...cases);
}

/** One field of `example` and a hostile value for it. */
function mutationOf(example: HostileExample, inQuery: boolean): fc.Arbitrary<[string, unknown]> {
  return fc
    .constantFrom(...Object.keys(example))
    .chain((field) => fc.tuple(fc.constant(field), hostileValues(example[field], inQuery)));
}

/** What is wrong with the answer to a hostile `field`, or null when it is a field error a person can act on. */
function refusalProblem(field: string, status: number, body: unknown): string | null {
  const error = (body as { error?: { fieldErrors?: Record<string, string[]> } }).error;
  const messages = error?.fieldErrors?.[field] ?? [];
  if (status !== 400) return `answered ${status}, not 400: ${JSON.stringify(body).slice(0, 300)}`;
  if (messages.length === 0) return `no field error on ${field}: ${JSON.stringify(error).slice(0, 300)}`;
  const vague = messages.find((m) => ZOD_DEFAULT.test(m));
  return vague ? `the message "${vague}" does not tell a person what to fix` : null;
}

function userFor(kit: KitDefinition, permission: string | null): string {
  const user = kit.localUsers.find(
    (u) => permission === null || can({ ...u, userId: u.id }, permission, kit.matrix),
  );
  if (!user) throw new Error(`${kit.id}: no local user holds ${permission}; add one to kit.ts.`);
  return user.id;
}

async function targetsOf(srcDir: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const file of actionModules(srcDir))
    for (const [name, value] of Object.entries(await import(pathToFileURL(file).href))) {
      const info = wrappedInfo(value);
      if (info?.kind !== "action") continue;
      const action = value as (input: unknown) => Promise<ActionResult<unknown>>;
      targets.push({
        name,
        info,
        call: async (input, userId) => {
          actAsLocalUser(userId);
          const result = await action(input);
          return { status: result.ok ? 200 : statusForFailure(result.error), body: result };
        },
      });
    }
  for (const file of routeModules(srcDir)) {
    const path = `/${file
      .slice(srcDir.length)
      .replace(/^\/?app\//, "")
      .replace(/\/route\.ts$/, "")}`;
    const handlers = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const verb of ["GET", "POST"] as const) {
      const handler = handlers[verb];
      const info = wrappedInfo(handler);
      if (!info) continue;
      targets.push({
        name: `${verb} ${path}`,
        info,
        call: async (input, userId, method = verb) => {
          const url = new URL(path, "http://kit.test");
          const headers = { cookie: `${LOCAL_IDENTITY_COOKIE}=${userId}` };
          // A GET reads its query; a POST its JSON body (as defineRoute does).
          if (verb === "GET")
            for (const [key, value] of Object.entries(input)) url.searchParams.set(key, String(value));
          const request =
            verb === "GET"
              ? new Request(url, { method, headers })
              : new Request(url, {
                  method,
                  headers: { ...headers, "content-type": "application/json" },
                  body: JSON.stringify(input),
                });
          // Next answers HEAD with the GET handler and drops the body.
          const response = await (handler as (r: Request) => Promise<Response>)(request);
          return { status: response.status, body: await response.json() };
        },
      });
    }
  }
  return targets;
}

const WRITE_COUNTER = "public.hostile_input_writes";

/**
 * Counts every row written in this test database: a row trigger on each table of its own schemas bumps
 * a sequence (sequences are not transactional, so a write rolled back still counts). A counter of the
 * database, not of the server: on a real PostgreSQL other test databases write at the same time.
 */
async function watchWrites(pool: pg.Pool): Promise<void> {
  await pool.query(`
    create sequence if not exists ${WRITE_COUNTER};
    create or replace function public.hostile_input_count_write() returns trigger language plpgsql as $$
      begin perform nextval('${WRITE_COUNTER}'); return null; end $$;
    do $$
    declare t record;
    begin
      for t in
        select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg_%'
      loop
        execute format(
          'create or replace trigger hostile_input_writes after insert or update or delete on %I.%I for each row execute function public.hostile_input_count_write()',
          t.nspname, t.relname);
      end loop;
    end $$;
  `);
}

/** How many rows were written so far (see watchWrites); reads do not move it. */
async function writeMark(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ written: string }>(
    `select last_value::text || ':' || is_called::text as written from ${WRITE_COUNTER}`,
  );
  return rows[0]?.written ?? "";
}

/** Registers the hostile-payload suite of one kit. Call after mocking `next/cache` and `next/headers`. */
export function describeHostileInput(kit: KitDefinition, srcUrl: URL, options: HostileInputOptions): void {
  const srcDir = fileURLToPath(srcUrl);
  let database: { pool: pg.Pool; close(): Promise<void> };
  let targets: Target[] = [];
  let cases = 0;
  let failed = 0;

  beforeAll(async () => {
    database = await options.database();
    useKitTestPool(kit.id, database.pool);
    await watchWrites(database.pool);
    targets = await targetsOf(srcDir);
  }, 240_000); // a kit's first test database builds its migrated template
  afterAll(async () => {
    console.info(
      `[hostile-input] ${kit.id}: ${cases} hostile cases over ${targets.length} mutations and routes, ${failed} failed`,
    );
    actAsLocalUser(undefined);
    await database?.close();
  });

  describe(`${kit.id}: hostile input stops at validation`, () => {
    it("every action and route has a valid example to mutate, and the example passes validation", () => {
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) {
        const examples = options.examples[target.name];
        expect(
          examples?.length,
          `${target.name} has no hostile-input case; add a valid example`,
        ).toBeTruthy();
        for (const example of examples ?? [])
          expect(target.info.input?.safeParse(example).error, `${target.name} example`).toBeUndefined();
      }
      const known = new Set(targets.map((t) => t.name));
      expect(Object.keys(options.examples).filter((name) => !known.has(name))).toEqual([]);
    });

    it("HEAD on a route answers as GET does", async () => {
      for (const target of targets.filter((t) => t.name.startsWith("GET "))) {
        const example = options.examples[target.name]?.[0] ?? {};
        const userId = userFor(kit, target.info.permission);
        const head = await target.call(example, userId, "HEAD");
        expect(head.status, target.name).toBe((await target.call(example, userId)).status);
        expect(head.status, target.name).toBe(200);
      }
    });

    it("one hostile field at a time is a field error on that field, nothing is written, nothing throws", async () => {
      const failures: string[] = [];
      for (const target of targets) {
        const userId = userFor(kit, target.info.permission);
        // An action without input fields (e.g. an export) has nothing a caller can make hostile.
        for (const example of (options.examples[target.name] ?? []).filter(
          (e) => Object.keys(e).length > 0,
        )) {
          const property = fc.asyncProperty(
            mutationOf(example, target.name.startsWith("GET ")),
            async ([field, value]) => {
              cases += 1;
              const before = await writeMark(database.pool);
              const { status, body } = await target.call({ ...example, [field]: value }, userId);
              expect(refusalProblem(field, status, body), `${target.name}.${field}`).toBeNull();
              expect(await writeMark(database.pool), `${target.name}.${field} wrote to the database`).toBe(
                before,
              );
            },
          );
          const run = await fc.check(property, { numRuns: options.runsPerAction ?? 40 });
          if (run.failed) failed += 1;
          if (run.failed)
            failures.push(
              `${target.name} ${JSON.stringify(run.counterexample)?.slice(0, 200)}: ${String(run.errorInstance).slice(0, 400)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);
  });
}
