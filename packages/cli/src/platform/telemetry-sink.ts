import type { Lakehouse } from "@appbase/lakehouse";
import { otlpRows, TELEMETRY_SCHEMA, type TelemetrySignal, telemetryTables } from "@appbase/telemetry/otlp";

export interface TelemetrySink {
  /** Decodes one OTLP JSON export request and appends its rows in one commit; returns the row count. */
  land(signal: TelemetrySignal, body: unknown): Promise<number>;
}

/**
 * Where the local platform lands OTLP data: `appbase.telemetry.{spans,logs,metrics}` in the local
 * lakehouse, created on first use. Commits are serialized, so concurrent exports from several kits
 * append one after another.
 */
export async function openTelemetrySink(lakehouse: Lakehouse): Promise<TelemetrySink> {
  await lakehouse.ensureSchema(TELEMETRY_SCHEMA);
  for (const { table, declaration } of Object.values(telemetryTables)) {
    await lakehouse.createTable(table, declaration, { ifNotExists: true });
  }
  let last: Promise<unknown> = Promise.resolve();
  return {
    land(signal, body) {
      const rows = otlpRows(signal, body);
      if (rows.length === 0) return Promise.resolve(0);
      const commit = last.then(() => lakehouse.append(telemetryTables[signal].table, rows));
      last = commit.catch(() => undefined);
      return commit.then(() => rows.length);
    },
  };
}
