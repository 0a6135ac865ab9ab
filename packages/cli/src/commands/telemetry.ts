import type { Command } from "commander";
import { isTraceId, readTrace, recentRequests, traceText } from "../platform/trace-view.ts";
import { CliError } from "../repo.ts";
import { print, withLakehouse } from "./lakehouse.ts";

/** `appbase telemetry …`: the kits' traces as the local platform landed them in appbase.telemetry.*. */
export function registerTelemetryCommands(program: Command): void {
  const telemetry = program
    .command("telemetry")
    .description(
      "traces the local platform received from the kits (appbase.telemetry.* in the local lakehouse)",
    );
  telemetry
    .command("trace <id>")
    .description("one request across kit, database and lakehouse: every span of a trace, as a tree")
    .option("--json", "print the spans as JSON")
    .action(async (id: string, options: { json?: boolean }) => {
      const traceId = id.trim().toLowerCase();
      if (!isTraceId(traceId))
        throw new CliError(`"${id}" is not a trace id (32 hex digits); see \`appbase telemetry requests\`.`);
      const nodes = await withLakehouse((lake) => readTrace(lake, traceId));
      if (nodes.length === 0) {
        throw new CliError(
          `No spans for trace ${traceId} yet. Kits export every few seconds while \`appbase up\` runs; try again shortly.`,
        );
      }
      if (options.json)
        print(
          nodes.map((n) => ({ ...n.span, depth: n.depth, offset_ms: n.offsetMs })),
          true,
        );
      else for (const line of traceText(nodes)) console.log(line);
    });
  telemetry
    .command("requests")
    .description("the most recent requests (server spans), newest first, with their trace ids")
    .option("--kit <id>", "only this kit's requests")
    .option("--limit <n>", "how many", "20")
    .option("--json", "print as JSON")
    .action(async (options: { kit?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new CliError("--limit must be 1 to 1000.");
      const spans = await withLakehouse((lake) => recentRequests(lake, limit, options.kit));
      const rows = spans.map((s) => ({
        time: s.start_time,
        kit: s.service_name,
        request: s.name,
        ms: s.duration_ms,
        trace: s.trace_id,
      }));
      print(rows, options.json);
    });
}
