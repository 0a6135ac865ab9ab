import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { assets, customers } from "@appbase/datasets/tables";
import type { Queryable } from "@appbase/db";
import autocannon from "autocannon";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Kit } from "../kits.ts";
import { startKit } from "../orchestrator/kit-process.ts";
import { CliError } from "../repo.ts";

/** What one load run measured: requests/s, latency, and everything that was not a success. */
export interface LoadFigures {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, connection errors and timeouts, and (for a mutation) answers that were not `ok`. */
  errors: number;
}

export interface KitLoadResult {
  kit: string;
  user: string;
  read: LoadFigures & { path: string };
  mutation: LoadFigures & {
    name: string;
    /** Successful answers: what the rows must have grown by. */
    succeeded: number;
    rowsBefore: number;
    rowsAfter: number;
    /** succeeded - (rowsAfter - rowsBefore): writes answered ok but not found (0 is the goal; negative: rows nobody was told of). */
    lost: number;
  };
}

/** What a scenario found in the data: ids for the page path and its requests. */
type Setup = Record<string, string | readonly string[]>;

/** One kit's scenario: its busiest read page and its main mutation, acting as a local user. */
interface Scenario {
  kit: string;
  /** Local user id (the identity switcher's cookie) with the permissions both need. */
  user: string;
  read: string;
  mutation: {
    name: string;
    /** The page that renders the server action (the action posts to it). */
    page: string;
    action: { file: string; exportedName: string };
    /** The rows the mutation writes, counted before and after. */
    count: string;
    /** What the scenario needs from the data (an existing parent row). */
    setup(db: Queryable): Promise<Setup>;
    /** The action's one argument for request `i`; each request is a new write (its own request id or row). */
    input(i: number, setup: Setup): Record<string, unknown>;
  };
}

const qualified = (table: PgTable) => {
  const c = getTableConfig(table);
  return `"${c.schema ?? "public"}"."${c.name}"`;
};

async function firstId(db: Queryable, table: PgTable, column: string): Promise<string> {
  const { rows } = await db.query(`SELECT ${column} AS id FROM ${qualified(table)} ORDER BY 1 LIMIT 1`);
  const id = rows[0]?.id;
  if (typeof id !== "string")
    throw new CliError(`http-load: ${qualified(table)} is empty; seed the kits first.`);
  return id;
}

/** The kits' scenarios: a list page, and a write that adds a row (so concurrent requests never conflict). */
export const SCENARIOS: readonly Scenario[] = [
  {
    kit: "customer-hub",
    user: "tess",
    read: "/customers",
    mutation: {
      name: "addNoteAction (server action)",
      page: "/customers/{customerId}",
      action: { file: "apps/customer-hub/src/actions/notes.ts", exportedName: "addNoteAction" },
      count: "SELECT count(*)::int AS n FROM customer_hub.notes",
      setup: async (db) => ({ customerId: await firstId(db, customers, "customer_id") }),
      input: (i, s) => ({ customerId: s.customerId, body: `load note ${i}`, requestId: randomUUID() }),
    },
  },
  {
    kit: "operations-portal",
    user: "pia",
    read: "/work-orders",
    mutation: {
      name: "createWorkOrderAction (server action)",
      page: "/assets/{assetId}",
      action: {
        file: "apps/operations-portal/src/actions/work-orders.ts",
        exportedName: "createWorkOrderAction",
      },
      count: "SELECT count(*)::int AS n FROM operations_portal.work_order",
      setup: async (db) => ({ assetId: await firstId(db, assets, "asset_id") }),
      input: (i, s) => ({ assetId: s.assetId, title: `load ${i}`, priority: "low", requestId: randomUUID() }),
    },
  },
  {
    kit: "risk-compliance",
    user: "ana",
    read: "/alerts",
    mutation: {
      name: "claimAlertAction (server action), each request a different new alert",
      page: "/alerts",
      action: { file: "apps/risk-compliance/src/actions/alerts.ts", exportedName: "claimAlertAction" },
      count: "SELECT count(*)::int AS n FROM risk_compliance.alert WHERE status = 'claimed'",
      setup: async (db) => ({
        alertIds: (
          await db.query("SELECT id::text AS id FROM risk_compliance.alert WHERE status = 'new' ORDER BY id")
        ).rows.map((r) => String(r.id)),
      }),
      input: (i, s) => {
        const ids = s.alertIds as readonly string[];
        if (i >= ids.length)
          throw new CliError(`http-load: only ${ids.length} new alerts to claim; shorten the run.`);
        return { alertId: ids[i] };
      },
    },
  },
  {
    // An operator watches the threads list and starts agents; each start is a new thread (the scripted
    // support agent looks the order up and stops at its refund proposal for human review).
    kit: "agent-ops",
    user: "olga",
    read: "/threads",
    mutation: {
      name: "startRunAction (server action), the scripted support agent, each request a new thread",
      page: "/threads",
      action: { file: "apps/agent-ops/src/actions/runs.ts", exportedName: "startRunAction" },
      count: "SELECT count(*)::int AS n FROM agent_ops.agent_run",
      setup: async () => ({}),
      input: (i) => ({
        agent: "customer-support",
        request: `Please refund order ORD-${String(10_000 + i)}7, it arrived broken`,
      }),
    },
  },
];

/** True when nothing listens on the port (so the load reaches the kit this run starts, no one else's). */
function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A server action's id in a kit's production build (server-reference-manifest.json). */
export function actionId(
  kitDir: string,
  repoRoot: string,
  action: { file: string; exportedName: string },
): string {
  const manifestFile = join(kitDir, ".next", "server", "server-reference-manifest.json");
  if (!existsSync(manifestFile))
    throw new CliError(`http-load: ${kitDir} has no production build; run \`next build\` in it first.`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const file = action.file.replace(/^\/+/, "");
  const found = Object.entries(manifest.node).find(
    ([, v]) =>
      v.exportedName === action.exportedName &&
      (v.filename === file || join(repoRoot, v.filename ?? "") === join(repoRoot, file)),
  );
  if (!found)
    throw new CliError(`http-load: no action ${action.exportedName} of ${file} in ${manifestFile}.`);
  return found[0];
}

function figures(result: autocannon.Result, extraErrors = 0): LoadFigures {
  return {
    requests: result.requests.total,
    requestsPerSec: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // autocannon counts timeouts among `errors`.
    errors: result.non2xx + result.errors + extraErrors,
  };
}

/**
 * HTTP load on each kit's production build (`next start`, one kit at a time): `connections`
 * connections send `requests` requests (every one answered, up to a minute each) to its read page, then as many to its mutation, counting the rows the
 * mutation writes before and after. The kits' data must be prepared (`appbase up`'s database).
 */
export async function benchHttpLoad(options: {
  /** The kits to load, in SCENARIOS' order; a kit without a scenario is skipped. */
  kits: readonly Kit[];
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  db: Queryable;
  connections: number;
  requests: number;
  log: (line: string) => void;
}): Promise<KitLoadResult[]> {
  const results: KitLoadResult[] = [];
  for (const scenario of SCENARIOS) {
    const kit = options.kits.find((k) => k.id === scenario.kit);
    if (!kit) continue;
    const id = actionId(kit.dir, options.repoRoot, scenario.mutation.action);
    const setup = await scenario.mutation.setup(options.db);
    if (!(await portFree(kit.port)))
      throw new CliError(
        `http-load: port ${kit.port} is taken (another ${kit.id} server?); set APPBASE_PORT_OFFSET to shift the kits to free ports.`,
      );
    options.log(`http-load ${kit.id}: next start on ${kit.port}`);
    const running = await startKit(kit, { mode: "prod", env: options.env });
    try {
      const cookie = `${LOCAL_IDENTITY_COOKIE}=${scenario.user}`;
      const base = running.url;
      // Warm-up: the first render of each route compiles nothing in production, but fills caches.
      await fetch(`${base}${scenario.read}`, { headers: { cookie } });
      options.log(
        `http-load ${kit.id}: GET ${scenario.read}, ${options.connections} connections, ${options.requests} requests`,
      );
      const read = await autocannon({
        url: `${base}${scenario.read}`,
        connections: options.connections,
        amount: options.requests,
        timeout: 60,
        headers: { cookie },
      });
      const page = scenario.mutation.page.replace(/\{(\w+)\}/g, (_, k: string) => String(setup[k] ?? ""));
      const count = async () => Number((await options.db.query(scenario.mutation.count)).rows[0]?.n);
      const rowsBefore = await count();
      let n = 0;
      let notOk = 0;
      options.log(
        `http-load ${kit.id}: ${scenario.mutation.name}, ${options.connections} connections, ${options.requests} requests`,
      );
      const mutation = await autocannon({
        url: `${base}${page}`,
        connections: options.connections,
        amount: options.requests,
        timeout: 60,
        method: "POST",
        headers: {
          cookie,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "next-action": id,
        },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify([scenario.mutation.input(n++, setup)]),
            }),
          },
        ],
        // The action answers 200 with { ok: false, error } when it refuses; that is an error here.
        verifyBody: (body) => {
          const ok = typeof body === "string" && body.includes('"ok":true');
          if (!ok) notOk++;
          return ok;
        },
      });
      const rowsAfter = await count();
      const mutationFigures = figures(mutation);
      const succeeded = mutation["2xx"] - notOk;
      results.push({
        kit: kit.id,
        user: scenario.user,
        read: { path: scenario.read, ...figures(read) },
        mutation: {
          name: scenario.mutation.name,
          ...mutationFigures,
          errors: mutationFigures.errors + notOk,
          succeeded,
          rowsBefore,
          rowsAfter,
          lost: succeeded - (rowsAfter - rowsBefore),
        },
      });
    } finally {
      await running.stop();
    }
  }
  return results;
}
