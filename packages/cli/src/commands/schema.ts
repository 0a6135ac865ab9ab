import { join } from "node:path";
import { servedTables } from "@appbase/datasets";
import { lakebaseUrl, resolveStateDir } from "@appbase/db/local";
import { type Lakehouse, LakehouseError } from "@appbase/lakehouse";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { checkSchemaDrift, type DriftTarget, formatDriftReport } from "@appbase/lakehouse/schema-diff";
import type { Command } from "commander";
import pg from "pg";
import { CliError } from "../repo.ts";

export interface SchemaCommandOptions {
  /** Declarations to check; defaults to the served tables, each with its gold table `<catalog>.<schema>.<table>`. */
  targets?: (catalog: string) => Promise<readonly DriftTarget[]>;
}

/** The served tables of @appbase/datasets: Postgres `<domain>.<table>`, gold `<catalog>.<domain>.<table>`. */
function servedTargets(catalog: string): DriftTarget[] {
  return Object.entries(servedTables).map(([name, table]) => ({ table, lakehouse: `${catalog}.${name}` }));
}

/** `appbase schema diff`: declarations vs the live Postgres catalog and lakehouse; exits 1 on drift. */
export function registerSchemaCommands(program: Command, options: SchemaCommandOptions = {}): void {
  const schema = program.command("schema").description("one declaration, every surface: drift checks");

  schema
    .command("diff")
    .description("compare table declarations with the live Postgres catalog and the lakehouse tables")
    .option("--catalog <name>", "Unity Catalog catalog of the gold tables", "appbase")
    .option("--no-lakehouse", "check Postgres only")
    .option("--no-postgres", "check the lakehouse only")
    .option("--json", "print JSON")
    .action(async (o: { catalog: string; lakehouse: boolean; postgres: boolean; json?: boolean }) => {
      const targets = options.targets ? await options.targets(o.catalog) : servedTargets(o.catalog);
      const stateDir = resolveStateDir(process.env);
      const pool = o.postgres
        ? new pg.Pool({ connectionString: await lakebaseUrl({ stateDir }), max: 2 })
        : undefined;
      let lakehouse: Lakehouse | undefined;
      try {
        if (o.lakehouse) {
          lakehouse = await openLocalLakehouse({ directory: join(stateDir, "lakehouse") }).catch(
            (error: Error) => {
              throw new CliError(error.message);
            },
          );
        }
        const report = await checkSchemaDrift(targets, { postgres: pool, lakehouse });
        console.log(o.json ? JSON.stringify(report, null, 2) : formatDriftReport(report));
        if (report.items.length > 0) {
          throw new CliError(
            `schema drift: ${report.items.length} difference(s); change the declaration or migrate the live table so they agree.`,
          );
        }
      } catch (error) {
        if (error instanceof LakehouseError) throw new CliError(`${error.code}: ${error.message}`);
        throw error;
      } finally {
        await lakehouse?.close();
        await pool?.end();
      }
    });
}
