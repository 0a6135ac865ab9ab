import { join } from "node:path";
import { resolveStateDir } from "@appbase/db/local";
import { type AsOf, type Lakehouse, LakehouseError } from "@appbase/lakehouse";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import type { Command } from "commander";
import { CliError } from "../repo.ts";

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`${name} must be a non-negative integer, got "${value}".`);
  return Number(value);
}

/** Opens the local lakehouse in the state folder, runs `task`, and closes it; port errors become CLI errors. */
export async function withLakehouse<T>(task: (lake: Lakehouse) => Promise<T>): Promise<T> {
  const lake = await openLocalLakehouse({ directory: join(resolveStateDir(process.env), "lakehouse") }).catch(
    (error: Error) => {
      throw new CliError(error.message);
    },
  );
  try {
    return await task(lake);
  } catch (error) {
    if (error instanceof LakehouseError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  } finally {
    await lake.close();
  }
}

/** Prints rows as a table, or as JSON with --json. */
export function print(rows: readonly object[], json: boolean | undefined): void {
  if (json) console.log(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) console.log("(no rows)");
  else console.table(rows);
}

/** `appbase lakehouse …`: tables, history, time travel, change feed. */
export function registerLakehouseCommands(program: Command): void {
  const lakehouse = program
    .command("lakehouse")
    .description("inspect the local lakehouse (Delta tables stand-in, in the state folder)");

  lakehouse
    .command("tables <schema>")
    .description("list the tables of a catalog.schema")
    .action((schema: string) =>
      withLakehouse(async (lake) => console.log((await lake.listTables(schema)).join("\n") || "(no tables)")),
    );

  lakehouse
    .command("describe <table>")
    .description("columns, primary key and latest version of catalog.schema.table")
    .option("--json", "print JSON")
    .action((table: string, o: { json?: boolean }) =>
      withLakehouse(async (lake) => {
        const d = await lake.describeTable(table);
        if (!d) throw new CliError(`The table ${table} does not exist.`);
        if (o.json) return console.log(JSON.stringify(d, null, 2));
        console.log(`${d.name} (version ${d.version}, key: ${d.primaryKey.join(", ") || "none"})`);
        print(
          d.columns.map((c) => ({ column: c.name, type: c.type, nullable: c.nullable })),
          false,
        );
      }),
    );

  lakehouse
    .command("history <table>")
    .description("commits of a table, newest first (like DESCRIBE HISTORY)")
    .option("--limit <n>", "at most n commits")
    .option("--json", "print JSON")
    .action((table: string, o: { limit?: string; json?: boolean }) =>
      withLakehouse(async (lake) => {
        const history = await lake.history(table, { limit: integer("--limit", o.limit) });
        print(
          o.json
            ? history
            : history.map((h) => ({
                version: h.version,
                timestamp: h.timestamp,
                operation: h.operation,
                metrics: JSON.stringify(h.operationMetrics),
              })),
          o.json,
        );
      }),
    );

  lakehouse
    .command("read <table>")
    .description("rows of a table, now or AS OF a version or timestamp")
    .option("--version <n>", "read VERSION AS OF n")
    .option("--timestamp <iso>", "read TIMESTAMP AS OF an ISO 8601 time")
    .option("--limit <n>", "at most n rows", "50")
    .option("--json", "print JSON")
    .action((table: string, o: { version?: string; timestamp?: string; limit: string; json?: boolean }) =>
      withLakehouse(async (lake) => {
        if (o.version !== undefined && o.timestamp !== undefined)
          throw new CliError("Pass --version or --timestamp, not both.");
        const version = integer("--version", o.version);
        const asOf: AsOf | undefined =
          version !== undefined ? { version } : o.timestamp ? { timestamp: o.timestamp } : undefined;
        print(await lake.read(table, { asOf, limit: integer("--limit", o.limit) }), o.json);
      }),
    );

  lakehouse
    .command("changes <table>")
    .description("change data feed between two versions (inclusive), like table_changes")
    .requiredOption("--from <n>", "first version")
    .option("--to <n>", "last version (default: latest)")
    .option("--json", "print JSON")
    .action((table: string, o: { from: string; to?: string; json?: boolean }) =>
      withLakehouse(async (lake) => {
        print(
          await lake.changes(table, {
            fromVersion: integer("--from", o.from)!,
            toVersion: integer("--to", o.to),
          }),
          o.json,
        );
      }),
    );
}
