import type { GovernanceWriter } from "@appbase/lakehouse/governance";
import type { Command } from "commander";
import { z } from "zod";
import { CliError } from "../repo.ts";

const keySchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** `appbase governance as-of <table> <timestamp> [--key json]`: what silver held at a time, from its history. */
export function registerGovernanceAsOf(
  governance: Command,
  withWriter: (task: (writer: GovernanceWriter) => Promise<void>) => Promise<void>,
): void {
  governance
    .command("as-of <table> <timestamp>")
    .description(
      'what a governed table (schema.table) held at an ISO 8601 time, e.g. "2026-11-21T14:00:00Z", from the lakehouse history',
    )
    .option("--key <json>", 'one row by its key, e.g. \'{"agent_id":"a-1"}\'')
    .option("--json", "print JSON")
    .action((table: string, timestamp: string, o: { key?: string; json?: boolean }) => {
      if (Number.isNaN(Date.parse(timestamp)))
        throw new CliError(
          `<timestamp> must be an ISO 8601 time such as 2026-11-21T14:00:00Z, got "${timestamp}".`,
        );
      let key: Record<string, string | number | boolean> | undefined;
      if (o.key !== undefined) {
        let raw: unknown;
        try {
          raw = JSON.parse(o.key);
        } catch {
          throw new CliError(
            `--key must be a JSON object of key columns, e.g. '{"id":"a-1"}'; got ${o.key}.`,
          );
        }
        const parsed = keySchema.safeParse(raw);
        if (!parsed.success)
          throw new CliError(`--key must be a JSON object of key columns with scalar values; got ${o.key}.`);
        key = parsed.data;
      }
      return withWriter(async (writer) => {
        const state = await writer.stateAsOf(table, timestamp, key);
        if (o.json) return console.log(JSON.stringify(state, null, 2));
        console.log(
          `${table} as of ${timestamp}: silver version ${state.silverVersion}, ${state.rows.length} row(s)`,
        );
        if (state.rows.length > 0) console.table(state.rows);
      });
    });
}
