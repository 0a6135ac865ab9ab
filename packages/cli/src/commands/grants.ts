import {
  type GrantsCommandOptions,
  parseGrantsOptions,
  planText,
  runApply,
  runVerify,
} from "@appbase/grants/commands";
import type { Command } from "commander";
import { discoverKits } from "../kits.ts";
import { CliError, findRepoRoot } from "../repo.ts";

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

/** The grant matrices of the kits under apps/ (each kit.ts declares its own). */
async function kitMatrices() {
  return (await discoverKits(findRepoRoot())).map((kit) => kit.matrix);
}

/** Runs a grants step, turning its errors into CLI errors that name the flag or kit to fix. */
async function asCliError<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message);
  }
}

const output = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };

function withCommonOptions(command: Command): Command {
  return command
    .option("--kit <kit>", "one kit (see `appbase kits`); default all")
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
    .action(async (raw: RawGrantsOptions) => {
      const options = parse(raw);
      const matrices = await kitMatrices();
      console.log(await asCliError(() => planText(options, matrices)));
    });

  withDatabaseOptions(withCommonOptions(grants.command("apply")))
    .description("apply the Postgres side of the matrix (idempotent, one transaction per kit)")
    .option("--prune", "also revoke grants and default privileges the matrix does not declare")
    .action(async (raw: RawGrantsOptions) => {
      const options = parse(raw);
      const matrices = await kitMatrices();
      await asCliError(() => runApply(options, matrices, output));
    });

  withDatabaseOptions(withCommonOptions(grants.command("verify")))
    .description("compare live roles, owners and grants with the matrix; exit 1 on drift")
    .action(async (raw: RawGrantsOptions) => {
      const options = parse(raw);
      const matrices = await kitMatrices();
      const exitCode = await asCliError(() => runVerify(options, matrices, output));
      if (exitCode !== 0)
        throw new CliError(
          "grants drift found (see above); run `appbase grants apply` or fix the matrix",
          exitCode,
        );
    });
}
