import {
  type GrantsCommandOptions,
  parseGrantsOptions,
  planText,
  runApply,
  runVerify,
} from "@appbase/grants/commands";
import type { Command } from "commander";
import { CliError } from "../repo.ts";

interface RawGrantsOptions {
  kit?: string;
  target?: string;
  appPrincipal?: string;
  syncedTableOwner?: string;
  catalog?: string;
  databaseUrl?: string;
  only?: string;
  prune?: boolean;
}

function parse(raw: RawGrantsOptions): GrantsCommandOptions {
  try {
    return parseGrantsOptions(raw);
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

const output = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };

function withCommonOptions(command: Command): Command {
  return command
    .option(
      "--kit <kit>",
      "one kit (customer-hub, agent-ops, risk-compliance, operations-portal); default all",
    )
    .option("--target <target>", "local (CREATE ROLE) or databricks (databricks_create_role)", "local")
    .option(
      "--app-principal <name>",
      "the app's Postgres role: its service principal client id on Databricks",
    )
    .option(
      "--synced-table-owner <role>",
      "the role that creates synced tables (default privileges are declared for it)",
    );
}

function withDatabaseOptions(command: Command): Command {
  return command.option(
    "--database-url <url>",
    "Postgres to act on (default DATABASE_URL, then PG* variables)",
  );
}

/** `appbase grants plan | apply | verify`: one declaration of access per kit, applied to and checked against Postgres. */
export function registerGrantsCommands(program: Command): void {
  const grants = program.command("grants").description("plan, apply and verify each kit's grant matrix");

  withCommonOptions(grants.command("plan"))
    .description("print the Postgres statements, Unity Catalog GRANTs and bundle grant blocks")
    .option("--catalog <name>", "Unity Catalog catalog for GRANT statements", "appbase")
    .option("--only <part>", "postgres, unity-catalog or bundle")
    .action((raw: RawGrantsOptions) => {
      console.log(planText(parse(raw)));
    });

  withDatabaseOptions(withCommonOptions(grants.command("apply")))
    .description("apply the Postgres side of the matrix (idempotent, one transaction per kit)")
    .option("--prune", "also revoke grants and default privileges the matrix does not declare")
    .action(async (raw: RawGrantsOptions) => {
      try {
        await runApply(parse(raw), output);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError((error as Error).message);
      }
    });

  withDatabaseOptions(withCommonOptions(grants.command("verify")))
    .description("compare live roles, owners and grants with the matrix; exit 1 on drift")
    .action(async (raw: RawGrantsOptions) => {
      let exitCode: number;
      try {
        exitCode = await runVerify(parse(raw), output);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError((error as Error).message);
      }
      if (exitCode !== 0)
        throw new CliError(
          "grants drift found (see above); run `appbase grants apply` or fix the matrix",
          exitCode,
        );
    });
}
