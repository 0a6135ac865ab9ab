import pg from "pg";
import { stringify } from "yaml";
import { readGrantsEnv } from "../env.ts";
import type { KitMatrix } from "../matrix.ts";
import { applyPostgresPlan } from "../postgres/apply.ts";
import type { PostgresBinding } from "../postgres/binding.ts";
import { formatVerifyReport } from "../postgres/format-report.ts";
import { postgresPlan } from "../postgres/plan.ts";
import { prunePostgresGrants } from "../postgres/prune.ts";
import { verifyPostgresGrants } from "../postgres/verify.ts";
import {
  bundleAppPrincipalRef,
  bundleCarries,
  bundleGrantResources,
} from "../unity-catalog/bundle-grants.ts";
import { ucGrantStatements } from "../unity-catalog/uc-grants.ts";
import { appPrincipalFor, type GrantsCommandOptions, selectedMatrices } from "./options.ts";

/** Where command output goes; the CLI passes console-backed writers, tests collect lines. */
export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

const UC_PLACEHOLDER = "<app-service-principal-client-id>";
/** Bundles take the catalog from a variable so each target can point at its own catalog. */
const BUNDLE_CATALOG_VAR = `\${var.catalog}`;

function bindingFor(kit: string, options: GrantsCommandOptions): PostgresBinding {
  return {
    target: options.target,
    appPrincipal: appPrincipalFor(kit, options),
    ...(options.syncedTableOwner ? { syncedTableOwner: options.syncedTableOwner } : {}),
  };
}

/** `appbase grants plan`: Postgres statements, UC GRANTs the bundle does not carry, and bundle grant blocks. */
export function planText(options: GrantsCommandOptions, matrices: readonly KitMatrix[]): string {
  const out: string[] = [];
  for (const matrix of selectedMatrices(options, matrices)) {
    const kit = matrix.kit;
    const binding = bindingFor(kit, options);
    if (!options.only || options.only === "postgres") {
      out.push(`-- ${kit}: Lakebase Postgres (target ${options.target}, app role "${binding.appPrincipal}")`);
      for (const s of postgresPlan(matrix, binding)) out.push(`-- ${s.purpose}`, s.sql);
    }
    if (!options.only || options.only === "unity-catalog") {
      const appPrincipal = options.appPrincipal ?? UC_PLACEHOLDER;
      out.push(`-- ${kit}: Unity Catalog grants the bundle does not carry (run as the catalog owner)`);
      if (!options.appPrincipal) out.push(`-- pass --app-principal <client id> to fill in ${UC_PLACEHOLDER}`);
      out.push(
        ...ucGrantStatements(
          matrix,
          { catalog: options.catalog, appPrincipal },
          { exclude: (g) => bundleCarries(g, matrix) },
        ),
      );
    }
    if (!options.only || options.only === "bundle") {
      const resources = bundleGrantResources(matrix, {
        catalog: BUNDLE_CATALOG_VAR,
        appPrincipal: bundleAppPrincipalRef(kit.replaceAll("-", "_")),
      });
      out.push(`# ${kit}: bundle resources with grants (merge into bundles/${kit}/databricks.yml)`);
      out.push(stringify({ resources }).trimEnd());
    }
  }
  return out.join("\n");
}

async function withClient<T>(
  options: GrantsCommandOptions,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const connectionString = options.databaseUrl ?? readGrantsEnv().DATABASE_URL;
  // Without a URL, pg falls back to the standard PG* variables, as every Postgres tool does.
  const client = new pg.Client(connectionString ? { connectionString } : {});
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot connect to Postgres (${(error as Error).message}). Pass --database-url or set DATABASE_URL / PGHOST, PGPORT, PGUSER, PGDATABASE.`,
    );
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `appbase grants apply`: runs each kit's Postgres plan in its own transaction. Returns the exit code. */
export async function runApply(
  options: GrantsCommandOptions,
  matrices: readonly KitMatrix[],
  output: CommandOutput,
): Promise<number> {
  const selected = selectedMatrices(options, matrices);
  return withClient(options, async (client) => {
    for (const matrix of selected) {
      const kit = matrix.kit;
      const binding = bindingFor(kit, options);
      const { applied } = await applyPostgresPlan(client, postgresPlan(matrix, binding));
      output.log(`${kit}: applied ${applied} idempotent statements (app role "${binding.appPrincipal}")`);
      if (options.prune) {
        const pruned = await prunePostgresGrants(client, matrix, binding);
        for (const d of pruned) output.log(`${kit}: pruned ${d.object}: ${d.detail}`);
      }
    }
    if (options.target === "databricks")
      output.log(
        "Unity Catalog grants: deploy the bundle, then run `appbase grants plan --only unity-catalog` as the catalog owner.",
      );
    return 0;
  });
}

/** `appbase grants verify`: compares the live catalog with each matrix; exit code 1 on any drift. */
export async function runVerify(
  options: GrantsCommandOptions,
  matrices: readonly KitMatrix[],
  output: CommandOutput,
): Promise<number> {
  const selected = selectedMatrices(options, matrices);
  return withClient(options, async (client) => {
    let drift = 0;
    for (const matrix of selected) {
      const report = await verifyPostgresGrants(client, matrix, bindingFor(matrix.kit, options));
      drift += report.drift.length;
      if (report.drift.length > 0) output.error(formatVerifyReport(report));
      else output.log(formatVerifyReport(report));
    }
    return drift > 0 ? 1 : 0;
  });
}
