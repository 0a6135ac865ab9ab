import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import type { Lakehouse } from "@appbase/lakehouse";
import {
  type GovernanceSql,
  GovernanceWriter,
  governanceMigrations,
  governedTable,
} from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { log, SpanKind, setLogWriter, withQuerySpans, withSpan } from "@appbase/telemetry";
import { startTelemetry, type Telemetry } from "@appbase/telemetry/node";
import { telemetryTables } from "@appbase/telemetry/otlp";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PlatformServer, startPlatformServer } from "./platform-server.ts";
import { readTrace, traceText } from "./trace-view.ts";

const notes = pgSchema("kit").table("notes", {
  id: text("id").primaryKey(),
  body: text("body").notNull(),
  version: integer("version").notNull(),
});

let dir: string;
let platformLake: Lakehouse;
let kitLake: Lakehouse;
let platform: PlatformServer;
let telemetry: Telemetry;
let db: TestDatabase;
let pool: pg.Pool;
let kitUrl: string;
let closeKit: () => void;
let writer: GovernanceWriter;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "telemetry-"));
  platformLake = await openLocalLakehouse({ directory: dir });
  platform = await startPlatformServer({
    lakehouse: platformLake,
    port: 0,
    kits: async () => [],
    stateDir: dir,
  });
  // The kit process's side: telemetry exporting OTLP/HTTP JSON to the platform, as `appbase up` sets it.
  telemetry = await startTelemetry({
    serviceName: "test-kit",
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: platform.url, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" },
    batchDelayMs: 50,
    metricIntervalMs: 200,
  });
  setLogWriter((_level, line) => logLines.push(line));
  db = await createTestDatabase({ migrations: [governanceMigrations] });
  await db.pool.query(
    "CREATE SCHEMA kit; CREATE TABLE kit.notes (id text PRIMARY KEY, body text NOT NULL, version integer NOT NULL)",
  );
  // The pool as createPool builds it: every query through the traced client.
  pool = new pg.Pool({ connectionString: db.url, max: 2, Client: withQuerySpans(pg.Client) });
  kitLake = await openLocalLakehouse({ directory: dir });
  const table = governedTable(notes, {
    silver: "main.kit_silver.notes",
    bronze: "main.kit_bronze.note_events",
    versionColumn: "version",
  });
  writer = new GovernanceWriter({
    lakehouse: kitLake,
    lakebase: pool as unknown as GovernanceSql,
    tables: [table],
  });
  await writer.ensureLakehouseTables();
  // A kit route: Next.js opens the SERVER span `POST /notes`; the handler reads Postgres and writes
  // a governed row (silver, Lakebase, bronze).
  const server = createServer((req, res) => {
    void withSpan(
      `${req.method} /notes`,
      {
        "http.method": req.method ?? "",
        "http.route": "/notes",
        "next.span_type": "BaseServer.handleRequest",
      },
      async (span) => {
        await pool.query("select count(*) from kit.notes");
        const written = await writer.write(table, { id: "n1", body: "hello" }, { actor: "ana" });
        log.info("note saved", { note: "n1" });
        span.setAttribute("http.status_code", 200);
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ traceId: span.spanContext().traceId, version: written.version }));
      },
      SpanKind.SERVER,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  kitUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeKit = () => server.close();
});

afterAll(async () => {
  closeKit?.();
  await telemetry?.shutdown();
  await pool?.end();
  await db?.close();
  await platform?.close();
  await kitLake?.close();
  await platformLake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("telemetry landing in the local lakehouse", () => {
  it("a request's spans (HTTP → pg → governed write → lakehouse) land in appbase.telemetry.spans as one trace", async () => {
    const response = await fetch(`${kitUrl}/notes`, { method: "POST" });
    const { traceId } = (await response.json()) as { traceId: string };
    await telemetry.flush();

    const nodes = await readTrace(platformLake, traceId);
    const byName = new Map(nodes.map((n) => [n.span.name, n]));
    const root = byName.get("POST /notes");
    expect(root?.span.kind).toBe("SERVER");
    expect(root?.depth).toBe(0);
    const select = nodes.find((n) => n.span.name === "pg SELECT");
    expect(select?.span.parent_span_id).toBe(root?.span.span_id);
    expect(JSON.parse(select?.span.attributes ?? "{}")).toMatchObject({
      "db.system": "postgresql",
      "db.statement": "select count(*) from kit.notes",
    });
    const governed = byName.get("governance write kit.notes");
    expect(governed?.span.parent_span_id).toBe(root?.span.span_id);
    // The write's own pieces are its children: the Lakebase upsert and the silver commit. Bronze is
    // appended behind silver by the writer's grouped flush, which may come after this read.
    const children = nodes
      .filter((n) => n.span.parent_span_id === governed?.span.span_id)
      .map((n) => n.span.name);
    expect(children).toContain("lakehouse merge main.kit_silver.notes");
    expect(children.some((name) => name.startsWith("pg "))).toBe(true);
    expect(nodes.every((n) => n.span.service_name === "test-kit")).toBe(true);
    expect(traceText(nodes)[0]).toContain("POST /notes  [test-kit · kit]");
  });

  it("logs carry the trace id, in the JSON line and in appbase.telemetry.logs", async () => {
    const line = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === "note saved");
    expect(line).toMatchObject({ level: "info", service: "test-kit", note: "n1" });
    expect(line?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    await telemetry.flush();
    const landed = await platformLake.read(telemetryTables.logs.table, {
      where: { column: "trace_id", op: "=", value: String(line?.trace_id) },
    });
    expect(landed.map((r) => [r.body, r.severity_text, r.service_name])).toEqual([
      ["note saved", "INFO", "test-kit"],
    ]);
  });

  it("request latency lands in appbase.telemetry.metrics as a histogram per route", async () => {
    await telemetry.flush();
    const rows = await platformLake.read(telemetryTables.metrics.table, {
      where: { column: "name", op: "=", value: "http.server.request.duration" },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ type: "histogram", unit: "s" });
    expect(JSON.parse(String(rows[0]?.attributes))).toMatchObject({ "http.route": "/notes" });
    expect(Number(rows.at(-1)?.count)).toBeGreaterThanOrEqual(1);
  });

  it("the receiver refuses what is not OTLP JSON with a reason, and lands nothing", async () => {
    // The write's bronze append runs behind it and exports its own span; let it land first, so the
    // count below moves only if the refused posts landed something.
    await writer.flushBronze();
    await telemetry.flush();
    const before = (await platformLake.read(telemetryTables.spans.table)).length;
    const post = (body: string, type = "application/json") =>
      fetch(`${platform.url}/v1/traces`, { method: "POST", headers: { "content-type": type }, body });
    const proto = await post("\u0000\u0001", "application/x-protobuf");
    expect(proto.status).toBe(415);
    expect(await proto.text()).toContain("OTEL_EXPORTER_OTLP_PROTOCOL=http/json");
    const bad = await post(
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: "xyz" }] }] }] }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("traceId");
    expect((await post("{not json")).status).toBe(400);
    expect((await platformLake.read(telemetryTables.spans.table)).length).toBe(before);
  });
});
